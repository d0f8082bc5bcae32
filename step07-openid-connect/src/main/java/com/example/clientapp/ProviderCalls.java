package com.example.clientapp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import com.example.clientapp.common.Dance;
import com.example.clientapp.common.Leg;
import com.example.clientapp.common.Masking;
import com.example.clientapp.common.ProviderCall;
import com.example.oauth.common.oauth2.PkceChallenge;

/**
 * The interceptor on the HTTP client Spring Security calls the provider
 * with, for the token and UserInfo requests: every call becomes a leg of
 * the visitor's dance, as it went over the wire ({@link ProviderCall}),
 * secrets masked. The client buffers the answer, so Spring reads it whole
 * after this.
 */
class ProviderCalls implements ClientHttpRequestInterceptor {

    private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:\\s*\"([^\"]*)\"");

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        Dance dance = Dance.current();
        if (dance == null) {
            return execution.execute(request, body);
        }
        String form = new String(body, StandardCharsets.UTF_8);
        LegKind kind = form.contains("grant_type=") ? LegKind.TOKEN_REQUEST : LegKind.USERINFO;
        ProviderCall call = ProviderCall.sent(kind, request.getMethod().name(), request.getURI(),
                request.getHeaders()::getOrEmpty, form, Secrets.MASKING);
        ClientHttpResponse response;
        try {
            response = execution.execute(request, body);
        } catch (IOException e) {
            dance.add(call.leg().withFailure(call.noAnswer(e)));
            throw e;
        }
        String text = new String(response.getBody().readNBytes(Dance.MAX_TEXT), StandardCharsets.UTF_8);
        int status = response.getStatusCode().value();
        Matcher error = ERROR.matcher(text);
        Leg leg = call.leg().withAnswer(call.answer(status, response.getHeaders()::getOrEmpty, text,
                Secrets.MASKING)).withFailure(ProviderCall.refusal(status, error.find() ? error.group(1) : null));
        String verifier = parameter(form, "code_verifier");
        Leg authorization = dance.newest(LegKind.AUTHORIZATION_REQUEST);
        if (verifier != null && authorization != null) {
            // RFC 7636 §4.6: what the provider checks, done here too so the reader sees it.
            String challenge = PkceChallenge.s256(Masking.decode(verifier));
            String sent = parameter(authorization.message(), "code_challenge");
            leg = leg.withCheck("S256(code_verifier) = " + challenge + ", the code_challenge of leg "
                    + authorization.number(), challenge.equals(sent));
        }
        dance.add(leg);
        return response;
    }

    /** A parameter of a form or query, as sent (still %-encoded), or null. */
    static String parameter(String text, String name) {
        Matcher m = Pattern.compile("(?:^|[?&\\s])" + Pattern.quote(name) + "=([^&\\s]*)").matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
