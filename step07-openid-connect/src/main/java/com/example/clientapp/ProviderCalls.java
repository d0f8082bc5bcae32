package com.example.clientapp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import com.example.oauth.common.oauth2.PkceChallenge;

/**
 * The interceptors on the HTTP clients Spring Security calls the provider
 * with, one per kind of call (discovery, token, JWKS, UserInfo): every call
 * becomes a leg of the visitor's dance, as it went over the wire (the
 * headers that matter, the body, the answer), secrets masked. A call that
 * gets no answer is recorded too, marked.
 *
 * <p>Two of these calls are made once for the whole app, not once per
 * sign-in: discovery, and the JWKS (which Spring caches, and fetches again
 * only for a {@code kid} it does not know). Their last exchange is kept
 * here, so that every sign-in's dance shows them too, marked as reused.
 */
public class ProviderCalls {

    /** Request headers worth reading; the HTTP client adds Host, Content-Length and the like. */
    private static final List<String> REQUEST_HEADERS = List.of("Authorization", "Content-Type", "Accept");
    private static final List<String> ANSWER_HEADERS = List.of("Content-Type", "Cache-Control", "Pragma",
            "WWW-Authenticate", "Location");
    private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:\\s*\"([^\"]*)\"");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** The last discovery and JWKS exchanges, and when they happened. */
    private final Map<LegKind, Shared> shared = new ConcurrentHashMap<>();

    private record Shared(Leg leg, Instant when) {
    }

    /** The interceptor for the HTTP client that makes this kind of call. */
    public ClientHttpRequestInterceptor recording(LegKind kind) {
        return (request, body, execution) -> intercept(kind, request, body, execution);
    }

    private ClientHttpResponse intercept(LegKind kind, HttpRequest request, byte[] body,
            ClientHttpRequestExecution execution) throws IOException {
        URI uri = request.getURI();
        String form = new String(body, StandardCharsets.UTF_8);
        String message = message(request, form);
        Dance dance = Dance.current();
        ClientHttpResponse response;
        try {
            response = execution.execute(request, body);
        } catch (IOException e) {
            record(dance, kind, new Leg(kind, message, null).withFailure(noAnswer(uri, e)));
            throw e;
        }
        // Read once here, handed on whole to Spring (whose converters read it again).
        byte[] answerBody = response.getBody().readAllBytes();
        String text = new String(answerBody, 0, Math.min(answerBody.length, Dance.MAX_TEXT * 2),
                StandardCharsets.UTF_8);
        int status = response.getStatusCode().value();
        Leg leg = new Leg(kind, message, answer(status, response.getHeaders(), text))
                .withFailure(refusal(status, text));
        if (kind == LegKind.TOKEN_REQUEST && dance != null) {
            leg = checkVerifier(leg, dance, ProviderCalls.parameter(form, "code_verifier"));
        }
        record(dance, kind, leg);
        return new Buffered(response, answerBody);
    }

    /**
     * Discovery runs before any dance of the visitor's starts (and only once), so it goes
     * to the app's shared legs only; the other calls go to the visitor's dance.
     */
    private void record(Dance dance, LegKind kind, Leg leg) {
        if (kind == LegKind.DISCOVERY || kind == LegKind.JWKS) {
            shared.put(kind, new Shared(leg, Instant.now()));
        }
        if (dance != null && kind != LegKind.DISCOVERY) {
            dance.add(leg);
        }
    }

    /** A check the app made on the answer of its last shared call (the discovery document's issuer). */
    void checkShared(LegKind kind, String what, boolean passed) {
        shared.computeIfPresent(kind, (k, last) -> new Shared(last.leg().withCheck(what, passed), last.when()));
    }

    /**
     * Adds to this dance the last discovery or JWKS exchange, if the app made
     * it before this dance began: Spring reuses its answer, so the reader
     * still sees what this sign-in relies on.
     */
    void reuse(Dance dance, LegKind kind) {
        Shared last = shared.get(kind);
        if (last != null && dance.newest(kind) == null) {
            dance.add(last.leg().withCheck("asked once by the app, at " + TIME.format(last.when())
                    + ", and kept: every sign-in uses this answer", true));
        }
    }

    /** RFC 7636 §4.6: what the provider will check, done here too so the reader sees it. */
    private static Leg checkVerifier(Leg leg, Dance dance, String verifier) {
        Leg authorization = dance.newest(LegKind.AUTHORIZATION_REQUEST);
        if (verifier == null || authorization == null) {
            return leg;
        }
        String challenge = PkceChallenge.s256(Secrets.decode(verifier));
        String sent = parameter(authorization.message(), "code_challenge");
        return leg.withCheck("S256(code_verifier) = " + challenge + ", the code_challenge of leg "
                + authorization.number() + (challenge.equals(sent) ? "" : " (it was " + sent + ")"),
                challenge.equals(sent));
    }

    private static String message(HttpRequest request, String form) {
        URI uri = request.getURI();
        StringBuilder text = new StringBuilder(request.getMethod().name()).append(' ').append(uri.getRawPath());
        if (uri.getRawQuery() != null) {
            text.append('?').append(Secrets.inForm(uri.getRawQuery()));
        }
        text.append(" HTTP/1.1\nHost: ").append(uri.getRawAuthority());
        for (String name : REQUEST_HEADERS) {
            String value = request.getHeaders().getFirst(name);
            if (value != null) {
                text.append('\n').append(name).append(": ")
                        .append(name.equals("Authorization") ? Secrets.inAuthorization(value) : value);
            }
        }
        if (!form.isEmpty()) {
            text.append("\n\n").append(Secrets.inForm(form));
        }
        return text.toString();
    }

    private static String answer(int status, HttpHeaders headers, String body) {
        StringBuilder text = new StringBuilder("HTTP/1.1 ").append(status);
        for (String name : ANSWER_HEADERS) {
            List<String> values = headers.get(name);
            if (values != null) {
                for (String value : values) {
                    text.append('\n').append(name).append(": ").append(value);
                }
            }
        }
        if (!body.isEmpty()) {
            String contentType = headers.getFirst("Content-Type");
            text.append("\n\n").append(contentType != null && contentType.contains("json")
                    ? Secrets.inJson(body) : Secrets.inForm(body));
        }
        return text.toString();
    }

    /** Why an answer ends the dance: the provider refused (4xx) or failed (5xx). */
    private static String refusal(int status, String body) {
        if (status < 400) {
            return null;
        }
        Matcher error = ERROR.matcher(body);
        String code = error.find() ? " (" + error.group(1) + ")" : "";
        return status >= 500
                ? "The provider failed to answer this call: status " + status + code + "."
                : "The provider refused this call: status " + status + code + ".";
    }

    private static String noAnswer(URI uri, IOException e) {
        String provider = uri.getScheme() + "://" + uri.getRawAuthority();
        if (e instanceof ConnectException) {
            return "No answer: nothing listens at " + provider + ". Is the provider running?";
        }
        if (e instanceof InterruptedIOException) {
            return "No answer: the provider at " + provider + " did not answer in time.";
        }
        return "No answer: the connection to " + provider + " failed.";
    }

    /** A parameter of a form or query, as sent (still %-encoded), or null. */
    static String parameter(String text, String name) {
        Matcher m = Pattern.compile("(?:^|[?&\\s])" + Pattern.quote(name) + "=([^&\\s]*)").matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** The answer, its body already read, for Spring to read again. */
    private static final class Buffered implements ClientHttpResponse {

        private final ClientHttpResponse response;
        private final byte[] body;

        Buffered(ClientHttpResponse response, byte[] body) {
            this.response = response;
            this.body = body;
        }

        @Override
        public HttpStatusCode getStatusCode() throws IOException {
            return response.getStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return response.getStatusText();
        }

        @Override
        public HttpHeaders getHeaders() {
            return response.getHeaders();
        }

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public void close() {
            response.close();
        }
    }
}
