package cn.tcsubsidy.identity;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In the prod profile the app refuses to start, before the engine creates the administrator, when the
 * administrator's password (ADMIN_PASSWORD) is missing, equal to the user name or weak, or when demo users or demo
 * projects are switched on.
 */
@Component
@Profile("prod")
public class ProductionSettingsCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    static final int MIN_PASSWORD_LENGTH = 12;

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<String> problems = problems(environment.getProperty("camunda.bpm.admin-user.id", "admin"),
                environment.getProperty("camunda.bpm.admin-user.password", ""),
                environment.getProperty("tc.demo.identities", Boolean.class, false),
                environment.getProperty("tc.demo.projects", Boolean.class, false));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("生产环境(prod)配置不安全,应用拒绝启动:" + String.join(";", problems));
        }
    }

    static List<String> problems(String adminId, String adminPassword, boolean demoIdentities, boolean demoProjects) {
        List<String> problems = new ArrayList<>();
        String password = adminPassword == null ? "" : adminPassword;
        if (password.isBlank()) {
            problems.add("未设置管理员密码,请通过环境变量 ADMIN_PASSWORD 提供(例如 openssl rand -base64 24 生成)");
        } else if (password.equalsIgnoreCase(adminId)) {
            problems.add("管理员密码不得与用户名 " + adminId + " 相同");
        } else if (password.length() < MIN_PASSWORD_LENGTH || characterClasses(password) < 2) {
            problems.add("管理员密码强度不足:至少 " + MIN_PASSWORD_LENGTH + " 位,且包含大写字母、小写字母、数字、符号中的至少两类");
        }
        if (demoIdentities) {
            problems.add("不得启用演示用户(tc.demo.identities)");
        }
        if (demoProjects) {
            problems.add("不得启用演示项目(tc.demo.projects)");
        }
        return problems;
    }

    private static int characterClasses(String s) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
