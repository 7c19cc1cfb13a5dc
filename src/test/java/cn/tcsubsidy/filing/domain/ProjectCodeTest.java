package cn.tcsubsidy.filing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProjectCodeTest {

    @Test
    void shouldAcceptTheFormatOfTheApprovalPlatform() {
        assertThat(ProjectCode.problem("2021-370503-34-03-012345")).isEmpty();
        assertThat(ProjectCode.problem("2000-370503-34-03-012345")).isEmpty();
        assertThat(ProjectCode.problem("2100-370503-34-03-012345")).isEmpty();
    }

    @Test
    void shouldRefuseOtherShapesYearsAndDigits() {
        assertThat(ProjectCode.problem("2021-370503-34-03-01234")).get().asString().contains(ProjectCode.FORMAT);
        assertThat(ProjectCode.problem("2021-370503-34-03-0123456")).get().asString().contains(ProjectCode.FORMAT);
        assertThat(ProjectCode.problem("2021/370503/34/03/012345")).get().asString().contains(ProjectCode.FORMAT);
        assertThat(ProjectCode.problem("2021-370503-34-03-٠١٢٣٤٥")).get().asString().contains(ProjectCode.FORMAT);
        assertThat(ProjectCode.problem("2021-370503-34-03-012345\n")).get().asString().contains(ProjectCode.FORMAT);
        assertThat(ProjectCode.problem("1999-370503-34-03-012345")).get().asString().contains("2000 至 2100");
        assertThat(ProjectCode.problem("2101-370503-34-03-012345")).get().asString().contains("2000 至 2100");
    }
}
