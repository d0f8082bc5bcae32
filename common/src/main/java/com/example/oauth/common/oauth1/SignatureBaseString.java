package com.example.oauth.common.oauth1;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The signature base string of RFC 5849 §3.4.1: the one string that HMAC-SHA1, HMAC-SHA256 and
 * RSA-SHA1 sign, built so that client and server arrive at exactly the same bytes.
 *
 * <p>Typical server use: {@code of(method, uri, collectParameters(uri.getRawQuery(),
 * header.parameters(), formBody))}.
 */
public final class SignatureBaseString {

    private SignatureBaseString() {
    }

    /**
     * Builds the base string: {@code METHOD&encoded-base-string-URI&encoded-normalized-parameters}.
     *
     * @param method        the HTTP method, e.g. "get" or "POST"
     * @param requestUri    the URI the client sent the request to; only its scheme, host, port and
     *                      path are used (§3.4.1.2), its query is not read here
     * @param allParameters every parameter of the request, already decoded: the query, the header
     *                      (without its realm) and a form body, see {@link #collectParameters}
     */
    public static String of(String method, URI requestUri, List<Parameter> allParameters) {
        // §3.4.1.1: method in uppercase, '&', encoded base string URI, '&', encoded parameters.
        return PercentEncoding.encode(method.toUpperCase(Locale.ROOT))
                + "&" + PercentEncoding.encode(baseStringUri(requestUri))
                + "&" + PercentEncoding.encode(normalizedParameters(allParameters));
    }

    /**
     * The base string URI of §3.4.1.2: "HTTP://EXAMPLE.COM:80/r%20v/X?id=123" gives
     * "http://example.com/r%20v/X".
     *
     * @throws IllegalArgumentException if the URI is not an absolute http or https URI with a host
     */
    public static String baseStringUri(URI requestUri) {
        String scheme = requestUri.getScheme() == null ? "" : requestUri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("Not an http or https URI: " + requestUri);
        }
        if (requestUri.getHost() == null) {
            throw new IllegalArgumentException("URI has no host: " + requestUri);
        }
        // §3.4.1.2 step 1: scheme and host MUST be in lowercase.
        String host = requestUri.getHost().toLowerCase(Locale.ROOT);

        // §3.4.1.2 step 3: leave out the default port (80 for http, 443 for https), keep any other.
        int port = requestUri.getPort();
        boolean defaultPort = port == -1
                || (scheme.equals("http") && port == 80)
                || (scheme.equals("https") && port == 443);
        String authority = defaultPort ? host : host + ":" + port;

        // The path as the client sent it (still percent-encoded); an empty path is "/", the
        // same resource. Query and fragment are dropped: the query travels as parameters.
        String path = requestUri.getRawPath();
        if (path == null || path.isEmpty()) {
            path = "/";
        }
        return scheme + "://" + authority + path;
    }

    /**
     * The normalized parameters of §3.4.1.3.2, e.g. "a2=r%20b&a3=2%20q&a3=a&b5=%3D%253D".
     * {@code oauth_signature} is left out (§3.4.1.3.1); every other parameter counts, duplicates too.
     */
    public static String normalizedParameters(List<Parameter> parameters) {
        return parameters.stream()
                // §3.4.1.3.1: "oauth_signature" MUST be excluded from the base string.
                .filter(p -> !p.name().equals("oauth_signature"))
                // §3.4.1.3.2 step 1: encode every name and value, once.
                .map(p -> new Encoded(PercentEncoding.encode(p.name()), PercentEncoding.encode(p.value())))
                // Step 2: sort by name, then by value, in byte order.
                .sorted(Encoded.ORDER)
                // Steps 3 and 4: name=value, even if the value is empty, joined by '&'.
                .map(p -> p.name() + "=" + p.value())
                .collect(Collectors.joining("&"));
    }

    /** A parameter with its name and value encoded (§3.6). */
    private record Encoded(String name, String value) {

        /**
         * Encoded text is plain ASCII, so comparing it as Java strings (UTF-16 code
         * units) gives the byte order of §3.4.1.3.2.
         */
        static final Comparator<Encoded> ORDER = Comparator.comparing(Encoded::name).thenComparing(Encoded::value);
    }

    /**
     * Gathers the parameters of §3.4.1.3.1 from their three sources into one list.
     *
     * @param rawQuery         the query as sent, still encoded ({@code URI.getRawQuery()} or the
     *                         servlet's {@code getQueryString()}); may be {@code null}
     * @param headerParameters the parameters of the Authorization header, without realm
     *                         ({@link AuthorizationHeader#parameters()} already leaves it out);
     *                         may be empty
     * @param formBody         the entity-body, only if it is single-part and its Content-Type is
     *                         {@code application/x-www-form-urlencoded}; otherwise {@code null}
     * @throws IllegalArgumentException on a malformed percent escape in the query or body
     */
    public static List<Parameter> collectParameters(String rawQuery, List<Parameter> headerParameters,
                                                    String formBody) {
        List<Parameter> all = new ArrayList<>();
        // Query and body are application/x-www-form-urlencoded: '+' decodes to a space there.
        all.addAll(Parameter.parseForm(rawQuery));
        all.addAll(headerParameters);
        all.addAll(Parameter.parseForm(formBody));
        return all;
    }
}
