package cn.tcsubsidy.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.TcSubsidyApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class ProductionSettingsCheckTest {

    static final String STRONG = "q7Vd9sKx2mPa4LzT";

    @Test
    void shouldAcceptALongPasswordOfSeveralCharacterClasses() {
        assertThat(ProductionSettingsCheck.problems("admin", STRONG, false, false)).isEmpty();
        assertThat(ProductionSettingsCheck.problems("admin", "correct horse battery", false, false)).isEmpty();
        assertThat(ProductionSettingsCheck.problems("admin", "123456789012!", false, false)).isEmpty();
    }

    @Test
    void shouldRefuseAMissingPassword() {
        assertThat(ProductionSettingsCheck.problems("admin", "", false, false))
                .singleElement().asString().contains("ADMIN_PASSWORD");
        assertThat(ProductionSettingsCheck.problems("admin", null, false, false)).hasSize(1);
        assertThat(ProductionSettingsCheck.problems("admin", "   ", false, false)).hasSize(1);
    }

    @Test
    void shouldRefuseThePasswordEqualToTheUserName() {
        assertThat(ProductionSettingsCheck.problems("administrator1", "Administrator1", false, false))
                .singleElement().asString().contains("不得与用户名");
    }

    @Test
    void shouldRefuseAShortOrSingleClassPassword() {
        assertThat(ProductionSettingsCheck.problems("admin", "aB3$aB3$aB3", false, false))
                .as("11 characters").singleElement().asString().contains("强度不足");
        assertThat(ProductionSettingsCheck.problems("admin", "abcdefghijklmnop", false, false))
                .as("lower case only").singleElement().asString().contains("强度不足");
        assertThat(ProductionSettingsCheck.problems("admin", "1234567890123456", false, false))
                .as("digits only").hasSize(1);
    }

    @Test
    void shouldRefuseDemoUsersAndProjects() {
        assertThat(ProductionSettingsCheck.problems("admin", STRONG, true, true)).hasSize(2);
    }

    @Test
    void shouldStopTheAppAtStartInProdWithAWeakAdministratorPassword() {
        assertThatThrownBy(() -> startProd("--ADMIN_PASSWORD=admin"))
                .hasStackTraceContaining("生产环境(prod)配置不安全,应用拒绝启动")
                .hasStackTraceContaining("不得与用户名 admin 相同");
        assertThatThrownBy(() -> startProd("--ADMIN_PASSWORD=short1A"))
                .hasStackTraceContaining("管理员密码强度不足");
        assertThatThrownBy(() -> startProd("--ADMIN_PASSWORD=" + STRONG, "--tc.demo.identities=true"))
                .hasStackTraceContaining("不得启用演示用户");
    }

    @Test
    void shouldStopTheAppAtStartInProdWithoutAnAdministratorPassword() {
        assertThatThrownBy(() -> startProd("--ADMIN_PASSWORD="))
                .hasStackTraceContaining("未设置管理员密码,请通过环境变量 ADMIN_PASSWORD 提供");
    }

    /** Fails before any bean is made (no database, no engine), or the test would start the whole app. */
    private static void startProd(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--spring.datasource.url=jdbc:h2:mem:prod-refused";
        all[1] = "--server.port=0";
        all[2] = "--camunda.bpm.job-execution.enabled=false";
        System.arraycopy(args, 0, all, 3, args.length);
        new SpringApplicationBuilder(TcSubsidyApplication.class).profiles("prod").run(all).close();
    }
}
