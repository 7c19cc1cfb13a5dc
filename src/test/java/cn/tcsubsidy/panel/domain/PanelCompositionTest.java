package cn.tcsubsidy.panel.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** "At least one non-expert" beside the per-kind minimums of PanelRule, and a composition that cannot fit refused. */
class PanelCompositionTest {

    @Test
    void shouldNeedTheLargerOfTheNonExpertMinimumAndThePerKindMinimums() {
        PanelRule threeWithTwoExperts = new PanelRule(3, Map.of(MemberKind.EXPERT, 2), 2, 5);
        assertThat(new PanelComposition(threeWithTwoExperts, 1).nonExpertsNeeded()).isEqualTo(1);
        PanelRule fiveWithKinds = new PanelRule(5, Map.of(MemberKind.EXPERT, 2, MemberKind.ENTREPRENEUR, 1,
                MemberKind.THIRD_PARTY, 1), 2, 5);
        assertThat(new PanelComposition(fiveWithKinds, 1).nonExpertsNeeded()).isEqualTo(2);
        assertThat(new PanelComposition(fiveWithKinds, 3).nonExpertsNeeded()).isEqualTo(3);
    }

    @Test
    void shouldRefuseMoreExpertsAndNonExpertsThanThePanelHasSeats() {
        PanelRule three = new PanelRule(3, Map.of(MemberKind.EXPERT, 3), 2, 5);
        assertThatThrownBy(() -> new PanelComposition(three, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 members in a panel of 3");
        assertThatThrownBy(() -> new PanelComposition(three, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
