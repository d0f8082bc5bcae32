package com.example.oauth.common.oauth2;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * RFC 8252 §7.3: a native app receives the code on a loopback IP address,
 * on a port the system gives it when it asks, so the authorization server
 * must allow any port there. Only that is loosened, and only for a public
 * client (a native app cannot keep a secret, §8.4): the host is the IP
 * literal 127.0.0.1 or [::1], never {@code localhost}, which a hosts file
 * or a DNS answer may send elsewhere (§8.3); scheme, host, path and query are
 * exactly the registered ones, and {@code https} is compared exactly as any
 * other redirect URI.
 */
final class LoopbackRedirect {

    /** No user info, a loopback IP literal, and perhaps a port. */
    private static final Pattern AUTHORITY = Pattern.compile("(127\\.0\\.0\\.1|\\[::1\\])(:[1-9][0-9]{0,4})?");

    private LoopbackRedirect() {
    }

    /**
     * Whether {@code asked} is the registered loopback URI on another port,
     * and no longer than a registered URI may be ({@link RegisteredClient#getRedirectUris()}).
     */
    static boolean matches(String registered, String asked) {
        String registeredWithoutPort = withoutPort(registered);
        return asked.length() <= RegisteredClient.MAX_REDIRECT_URI_LENGTH && registeredWithoutPort != null
                && registeredWithoutPort.equals(withoutPort(asked));
    }

    /** The URI without its port, if it is an http URI on a loopback IP literal; otherwise null. */
    private static String withoutPort(String uri) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            return null;
        }
        if (!"http".equals(parsed.getScheme()) || parsed.getRawAuthority() == null
                || !AUTHORITY.matcher(parsed.getRawAuthority()).matches() || parsed.getPort() > 65535
                || parsed.getRawFragment() != null) {
            return null;
        }
        return "http://" + parsed.getHost() + parsed.getRawPath()
                + (parsed.getRawQuery() == null ? "" : "?" + parsed.getRawQuery());
    }
}
