package com.example.clientapp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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

import com.example.clientapp.common.Dance;
import com.example.clientapp.common.Leg;
import com.example.clientapp.common.Masking;
import com.example.clientapp.common.ProviderCall;
import com.example.oauth.common.oauth2.PkceChallenge;

/**
 * The interceptors on the HTTP clients Spring Security calls the provider
 * with, one per kind of call (discovery, token, JWKS, UserInfo): every call
 * becomes a leg of the visitor's dance, as it went over the wire (see
 * {@link ProviderCall}), secrets masked. A call that gets no answer is
 * recorded too, marked.
 *
 * <p>Two of these calls are made once for the whole app, not once per
 * sign-in: discovery, and the JWKS (which Spring caches, and fetches again
 * only for a {@code kid} it does not know). Their last exchange is kept
 * here, so that every sign-in's dance shows them too, marked as reused.
 */
public class ProviderCalls {

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
        String form = new String(body, StandardCharsets.UTF_8);
        ProviderCall call = ProviderCall.sent(kind, request.getMethod().name(), request.getURI(),
                name -> values(request.getHeaders(), name), form, Secrets.MASKING);
        Dance dance = Dance.current();
        ClientHttpResponse response;
        try {
            response = execution.execute(request, body);
        } catch (IOException e) {
            record(dance, kind, call.leg().withFailure(call.noAnswer(e)));
            throw e;
        }
        // Read once here, handed on whole to Spring (whose converters read it again).
        byte[] answerBody = response.getBody().readAllBytes();
        String text = new String(answerBody, 0, Math.min(answerBody.length, Dance.MAX_TEXT), StandardCharsets.UTF_8);
        int status = response.getStatusCode().value();
        Matcher error = ERROR.matcher(text);
        Leg leg = call.leg().withAnswer(call.answer(status, name -> values(response.getHeaders(), name), text,
                Secrets.MASKING)).withFailure(ProviderCall.refusal(status, error.find() ? error.group(1) : null));
        if (kind == LegKind.TOKEN_REQUEST && dance != null) {
            leg = checkVerifier(leg, dance, parameter(form, "code_verifier"));
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
     * Adds to this dance the last discovery or JWKS exchange, if this dance
     * has none of its own: Spring reuses its answer, so the reader still sees
     * what this sign-in relies on.
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
        String challenge = PkceChallenge.s256(Masking.decode(verifier));
        String sent = parameter(authorization.message(), "code_challenge");
        return leg.withCheck("S256(code_verifier) = " + challenge + ", the code_challenge of leg "
                + authorization.number() + (challenge.equals(sent) ? "" : " (it was " + sent + ")"),
                challenge.equals(sent));
    }

    private static List<String> values(HttpHeaders headers, String name) {
        List<String> values = headers.get(name);
        return values == null ? List.of() : values;
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
