package com.example.clientapp.common;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;

/**
 * A call of the client app to the provider, written down for the dance
 * page as it goes over the wire: the request line, the headers that matter
 * and the body, then the answer, or why none came, secrets masked. Any HTTP
 * client feeds it from its own hook (an OkHttp interceptor under
 * scribejava, a {@code ClientHttpRequestInterceptor} under Spring's
 * {@code RestClient}), which then adds the leg to {@link Dance#current()}:
 *
 * <pre>
 * ProviderCall call = ProviderCall.sent(kind, method, url, requestHeaders, form, masking);
 * answer = ...;                       // on IOException: dance.add(call.leg().withFailure(call.noAnswer(e)))
 * dance.add(call.leg().withAnswer(call.answer(status, answerHeaders, body, masking))
 *         .withFailure(ProviderCall.refusal(status, error)));
 * </pre>
 */
public final class ProviderCall {

    /** Request headers worth reading; an HTTP client adds Host, Content-Length and the like. */
    public static final List<String> REQUEST_HEADERS = List.of("Authorization", "Content-Type", "Accept");
    public static final List<String> ANSWER_HEADERS = List.of("Content-Type", "Cache-Control", "Pragma",
            "WWW-Authenticate", "Location");

    /** A message's headers as an HTTP client holds them: every value of a name, none if absent. */
    @FunctionalInterface
    public interface Headers {
        List<String> values(String name);
    }

    private final URI url;
    private final Leg leg;

    private ProviderCall(URI url, Leg leg) {
        this.url = url;
        this.leg = leg;
    }

    /**
     * The call as it goes out.
     *
     * @param url the URL called, whose path and query are shown as sent (still %-encoded)
     * @param body the form it sends, or "" for none
     */
    public static ProviderCall sent(Leg.Kind kind, String method, URI url, Headers headers, String body,
            Masking masking) {
        StringBuilder text = new StringBuilder(method).append(' ').append(url.getRawPath());
        if (url.getRawQuery() != null) {
            text.append('?').append(masking.inForm(url.getRawQuery()));
        }
        text.append(" HTTP/1.1\nHost: ").append(url.getHost()).append(':').append(port(url));
        for (String name : REQUEST_HEADERS) {
            for (String value : headers.values(name)) {
                text.append('\n').append(name).append(": ")
                        .append(name.equals("Authorization") ? masking.inAuthorization(value) : value);
            }
        }
        if (body != null && !body.isEmpty()) {
            text.append("\n\n").append(masking.inForm(body));
        }
        return new ProviderCall(url, new Leg(kind, text.toString(), null));
    }

    /** The leg of this call, without its answer yet. */
    public Leg leg() {
        return leg;
    }

    /** The answer as it came: status line, the headers that matter, the body, read as its Content-Type says. */
    public String answer(int status, Headers headers, String body, Masking masking) {
        StringBuilder text = new StringBuilder("HTTP/1.1 ").append(status);
        for (String name : ANSWER_HEADERS) {
            for (String value : headers.values(name)) {
                text.append('\n').append(name).append(": ").append(value);
            }
        }
        if (body != null && !body.isEmpty()) {
            List<String> contentType = headers.values("Content-Type");
            text.append("\n\n").append(masking.inBody(contentType.isEmpty() ? "" : contentType.get(0), body));
        }
        return text.toString();
    }

    /**
     * Why an answer ends the dance: the provider refused (4xx) or failed
     * (5xx); null for any other status.
     *
     * @param error what the answer named as its reason, such as "invalid_grant", or null
     */
    public static String refusal(int status, String error) {
        if (status < 400) {
            return null;
        }
        String reason = error == null ? "" : " (" + error + ")";
        return status >= 500
                ? "The provider failed to answer this call: status " + status + reason + "."
                : "The provider refused this call: status " + status + reason + ".";
    }

    /** Why no answer came: nothing listening, too slow, or another failure of the connection. */
    public String noAnswer(IOException e) {
        String provider = url.getScheme() + "://" + url.getHost() + ":" + port(url);
        if (e instanceof ConnectException) {
            return "No answer: nothing listens at " + provider + ". Is the provider running?";
        }
        if (e instanceof InterruptedIOException) {
            return "No answer: the provider at " + provider + " did not answer in time.";
        }
        return "No answer: the connection to " + provider + " failed.";
    }

    private static int port(URI url) {
        return url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }
}
