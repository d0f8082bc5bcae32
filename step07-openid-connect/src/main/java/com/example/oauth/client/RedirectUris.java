package com.example.oauth.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

import com.example.oauth.common.security.HttpsOrLoopback;

/**
 * Reads and checks the redirect (callback) URIs typed into the registration
 * form: one or more, separated by spaces or new lines.
 */
public final class RedirectUris {

    public static final int MAX_COUNT = 10;
    public static final int MAX_LENGTH = 500;
    /** Room for MAX_COUNT URIs of MAX_LENGTH and the spaces between them. */
    public static final int MAX_TOTAL_LENGTH = MAX_COUNT * (MAX_LENGTH + 1);

    private RedirectUris() {
    }

    public static List<String> parse(String text) {
        if (text.length() > MAX_TOTAL_LENGTH) {
            throw invalid("The redirect URIs are too long: at most " + MAX_COUNT + " URIs of at most "
                    + MAX_LENGTH + " characters each.");
        }
        List<String> uris = new ArrayList<>();
        for (String uri : text.strip().split("\\s+")) {
            if (!uri.isEmpty() && !uris.contains(uri)) {
                uris.add(check(uri));
            }
        }
        if (uris.isEmpty()) {
            throw invalid("Give at least one redirect URI, such as http://localhost:8000/authorized.");
        }
        if (uris.size() > MAX_COUNT) {
            throw invalid("Too many redirect URIs: at most " + MAX_COUNT + ".");
        }
        return uris;
    }

    /** RP-Initiated Logout 1.0 §3.1: post_logout_redirect_uri, optional, under the same rules. */
    public static List<String> parseOptional(String text) {
        return text.isBlank() ? List.of() : parse(text);
    }

    private static String check(String uri) {
        if (uri.length() > MAX_LENGTH) {
            throw invalid("A redirect URI has at most " + MAX_LENGTH + " characters.");
        }
        // RFC 3986 §2: a URI is ASCII. The provider sends the browser there
        // in a Location header (RFC 9110 §10.2.2), where nothing else fits.
        for (int i = 0; i < uri.length(); i++) {
            if (uri.charAt(i) > 0x7e) {
                throw invalid("\"" + uri + "\" holds a character a URI cannot hold as it is: percent-encode it"
                        + " as UTF-8 (\"é\" is %C3%A9).");
            }
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw invalid("\"" + uri + "\" is not a valid URI: " + e.getReason() + ".");
        }
        // The provider sends the user's browser there with the credentials in
        // the query, so it must be a complete web address.
        String scheme = parsed.getScheme();
        if (!parsed.isAbsolute() || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                || parsed.getHost() == null) {
            throw invalid("\"" + uri + "\" is not an absolute http or https URI,"
                    + " such as http://localhost:8000/authorized.");
        }
        // RFC 9700 §2.6: on plain http, whoever is on the network reads the credentials sent there.
        if (!HttpsOrLoopback.allows(parsed)) {
            throw invalid("\"" + uri + "\" must use https: " + HttpsOrLoopback.RULE + ".");
        }
        // The provider appends its parameters to the query; a fragment would
        // end up before them (RFC 6749 §3.1.2 forbids it for the same reason).
        if (parsed.getRawFragment() != null) {
            throw invalid("\"" + uri + "\" has a fragment (#...): redirect URIs cannot have one.");
        }
        return uri;
    }

    private static InvalidRegistrationException invalid(String message) {
        return new InvalidRegistrationException("invalid_redirect_uri", message);
    }
}
