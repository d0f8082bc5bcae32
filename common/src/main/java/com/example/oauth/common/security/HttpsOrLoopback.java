package com.example.oauth.common.security;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Which redirect URIs a provider accepts at registration (RFC 9700 §2.6):
 * https only, since the browser brings the verifier or code there, and on
 * plain http anyone on the network could read it; except on a loopback host
 * (RFC 8252 §7.3), where the request never leaves the user's machine. The
 * tutorial's own apps run there, on http://localhost:8000.
 */
public final class HttpsOrLoopback {

    /** The rule as a refusal states it. */
    public static final String RULE = "an http redirect URI is allowed only on a loopback host"
            + " (localhost, 127.0.0.1, [::1]), RFC 9700 §2.6 and RFC 8252 §7.3";

    /** As {@link URI#getHost()} gives them: an IPv6 literal keeps its brackets. */
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private HttpsOrLoopback() {
    }

    /** True for an https URI, and for an http URI on a loopback host; false for anything else. */
    public static boolean allows(URI uri) {
        String scheme = uri.getScheme();
        if ("https".equalsIgnoreCase(scheme)) {
            return true;
        }
        // Host names are case insensitive (RFC 3986 §3.2.2): LOCALHOST is localhost.
        return "http".equalsIgnoreCase(scheme) && uri.getHost() != null
                && LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
    }
}
