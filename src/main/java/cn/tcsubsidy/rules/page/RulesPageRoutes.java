package cn.tcsubsidy.rules.page;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The rule administrator's page (static/rules/index.html) at /rules/: Spring serves a static folder's index only at
 * the root, so /rules/ forwards to it and /rules redirects to /rules/ (the page's relative links need the slash).
 * The page itself needs no login; its /api/rules calls ask for HTTP Basic.
 */
@Configuration
class RulesPageRoutes implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/rules", "/rules/");
        registry.addViewController("/rules/").setViewName("forward:/rules/index.html");
    }
}
