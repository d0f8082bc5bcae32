package com.example.clientapp;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.clientapp.common.Dance;
import com.example.clientapp.common.Leg;
import com.example.clientapp.common.Masking;
import com.example.clientapp.common.ProviderCall;
import com.example.oauth.common.oauth2.PkceChallenge;

import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * An OkHttp interceptor on scribejava's HTTP client: every call the client
 * app makes to the provider becomes a leg of the visitor's dance, as it went
 * over the wire (the headers that matter, the body, the answer: see
 * {@link ProviderCall}), secrets masked. A call that gets no answer is
 * recorded too, marked.
 */
public class ProviderCalls implements Interceptor {

    private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:\\s*\"([^\"]*)\"");

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Dance dance = Dance.current();
        if (dance == null) {
            return chain.proceed(request);
        }
        String form = bodyOf(request);
        LegKind kind = LegKind.ofCall(request.url().encodedPath(), form);
        ProviderCall call = ProviderCall.sent(kind, request.method(), request.url().uri(), headersOf(request)::values,
                form, Secrets.MASKING);
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            dance.add(call.leg().withFailure(call.noAnswer(e)));
            throw e;
        }
        String body = response.peekBody(Dance.MAX_TEXT).string();
        Matcher error = ERROR.matcher(body);
        Leg leg = call.leg().withAnswer(call.answer(response.code(), response::headers, body, Secrets.MASKING))
                .withFailure(ProviderCall.refusal(response.code(), error.find() ? error.group(1) : null));
        if (kind == LegKind.TOKEN_REQUEST) {
            leg = checkVerifier(leg, dance, parameter(form, "code_verifier"));
        }
        dance.add(leg);
        return response;
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

    /** The headers as they go out: OkHttp sets the body's Content-Type on the way. */
    private static Headers headersOf(Request request) {
        if (request.body() == null || request.body().contentType() == null) {
            return request.headers();
        }
        return request.headers().newBuilder().set("Content-Type", request.body().contentType().toString()).build();
    }

    private static String bodyOf(Request request) throws IOException {
        if (request.body() == null) {
            return "";
        }
        Buffer buffer = new Buffer();
        request.body().writeTo(buffer);
        return buffer.readUtf8();
    }

    /** A parameter of a form or query, as sent (still %-encoded), or null. */
    static String parameter(String text, String name) {
        Matcher m = Pattern.compile("(?:^|[?&\\s])" + Pattern.quote(name) + "=([^&\\s]*)").matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
