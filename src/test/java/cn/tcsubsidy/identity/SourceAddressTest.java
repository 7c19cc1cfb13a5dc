package cn.tcsubsidy.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class SourceAddressTest {

    static MockHttpServletRequest from(String remote, String... forwardedFor) {
        MockHttpServletRequest r = new MockHttpServletRequest();
        r.setRemoteAddr(remote);
        for (String f : forwardedFor) {
            r.addHeader("X-Forwarded-For", f);
        }
        return r;
    }

    @Test
    void shouldIgnoreXForwardedForFromAnUntrustedClient() {
        SourceAddress sources = new SourceAddress(Set.of());
        assertThat(sources.of(from("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
        assertThat(new SourceAddress(Set.of("10.0.0.2")).of(from("203.0.113.7", "198.51.100.1")))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void shouldTakeTheRightMostUntrustedAddressBehindTrustedProxies() {
        SourceAddress sources = new SourceAddress(Set.of("10.0.0.2", "10.0.0.3"));
        // The client sent a made-up X-Forwarded-For; the proxy appended what it saw.
        assertThat(sources.of(from("10.0.0.2", "1.1.1.1, 203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(sources.of(from("10.0.0.2", "1.1.1.1", "203.0.113.7, 10.0.0.3"))).isEqualTo("203.0.113.7");
        assertThat(sources.of(from("10.0.0.2", "2001:db8::7"))).isEqualTo("2001:db8::7");
    }

    @Test
    void shouldFallBackToTheProxyWhenTheHeaderIsMissingOrNotAnAddress() {
        SourceAddress sources = new SourceAddress(Set.of("10.0.0.2"));
        assertThat(sources.of(from("10.0.0.2"))).isEqualTo("10.0.0.2");
        assertThat(sources.of(from("10.0.0.2", "10.0.0.2"))).isEqualTo("10.0.0.2");
        assertThat(sources.of(from("10.0.0.2", "<script>"))).isEqualTo("10.0.0.2");
    }
}
