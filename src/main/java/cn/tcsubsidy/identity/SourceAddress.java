package cn.tcsubsidy.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The client address a request comes from. X-Forwarded-For is believed only from the reverse proxies listed in
 * {@code tc.security.trusted-proxies} (exact addresses as the server sees them); the client is the right-most
 * address in the header that is not such a proxy, the one the nearest trusted proxy saw. Anyone else's
 * X-Forwarded-For is ignored, or a client could pick a fresh address for every guess.
 */
@Component
public class SourceAddress {

    private static final Pattern IP = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final Set<String> trustedProxies;

    public SourceAddress(@Value("${tc.security.trusted-proxies:}") Set<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    public String of(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        if (!trustedProxies.contains(remote)) {
            return remote;
        }
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!trustedProxies.contains(hop)) {
                // What a trusted proxy appended is an address; anything else is not believed.
                return IP.matcher(hop).matches() ? hop : remote;
            }
        }
        return remote;
    }
}
