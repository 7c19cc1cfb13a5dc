package cn.tcsubsidy.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Changes from another web site are refused; the app's pages and non-browser clients pass. */
class CrossSiteRequestFilterTest {

    static int status(String method, String origin, String fetchSite) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/rules/hekou/changes");
        request.setServerName("localhost");
        request.setServerPort(8080);
        if (origin != null) {
            request.addHeader("Origin", origin);
        }
        if (fetchSite != null) {
            request.addHeader("Sec-Fetch-Site", fetchSite);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        new CrossSiteRequestFilter().doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }

    @Test
    void shouldRefuseAChangeFromAnotherSiteOnly() throws Exception {
        assertThat(status("POST", "https://evil.example", null)).isEqualTo(403);
        assertThat(status("POST", null, "cross-site")).isEqualTo(403);
        assertThat(status("POST", "http://localhost:9090", null)).as("another port is another origin").isEqualTo(403);
        assertThat(status("POST", "null", null)).as("a sandboxed frame").isEqualTo(403);
        assertThat(status("POST", "http://localhost:8080", "same-origin")).isEqualTo(200);
        assertThat(status("POST", null, null)).as("curl, Camunda Modeler").isEqualTo(200);
        assertThat(status("GET", "https://evil.example", "cross-site")).as("reads are not changes").isEqualTo(200);
        assertThat(status("DELETE", "https://evil.example", null)).isEqualTo(403);
    }
}
