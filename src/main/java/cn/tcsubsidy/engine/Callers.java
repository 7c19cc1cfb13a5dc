package cn.tcsubsidy.engine;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

/**
 * Who a request says it is, as the engine's two ways of signing in carry it: the webapps' session and an HTTP Basic
 * header. Reading only: checking the password is the sign-in's ({@code cn.tcsubsidy.identity.SignIn}).
 */
public final class Callers {

    private Callers() {
    }

    /** The user signed in to the webapps by this request's session, whatever the method (for logs, not for access). */
    public static String webappSessionUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
        Authentication auth = auths == null ? null : auths.getAuthenticationForProcessEngine("default");
        return auth == null ? null : auth.getName();
    }

    /** User name and password of an HTTP Basic Authorization header, or null. */
    public static String[] basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
