package com.example.clientapp;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.clientapp.common.Dance;
import com.example.clientapp.common.Leg;
import com.example.clientapp.common.ProviderCall;

import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * An OkHttp interceptor on scribejava's HTTP client: every call the client
 * app makes to the provider becomes a leg of the visitor's dance, as it went
 * over the wire (the headers that matter, the body, the answer: see
 * {@link ProviderCall}), with the signature base string scribejava signed
 * for it, secrets masked. A call that gets no answer is recorded too, marked.
 */
public class ProviderCalls implements Interceptor {

    /** The base string scribejava signed last on this thread (see ProviderApi), for the call that follows. */
    private static final ThreadLocal<String> SIGNED = new ThreadLocal<>();

    /** Called by scribejava's signing, just before the call goes out; gives the base string back unchanged. */
    static String signed(String baseString) {
        SIGNED.set(baseString);
        return baseString;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String baseString = SIGNED.get();
        SIGNED.remove();
        Dance dance = Dance.current();
        if (dance == null) {
            return chain.proceed(request);
        }
        String form = bodyOf(request);
        LegKind kind = LegKind.ofCall(request.url().encodedPath());
        Secrets secrets = Secrets.of(kind == LegKind.API_CALL);
        ProviderCall call = ProviderCall.sent(kind, request.method(), request.url().uri(), headersOf(request)::values,
                form, secrets);
        Leg leg = checkNonceAndTimestamp(call.leg().withBaseString(secrets.inBaseString(baseString)), dance,
                request.header("Authorization"));
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            dance.add(leg.withFailure(call.noAnswer(e)));
            throw e;
        }
        String body = response.peekBody(Dance.MAX_TEXT).string();
        // The access-token answer carries the access token itself: masked too.
        String answer = call.answer(response.code(), response::headers, body, Secrets.of(kind != LegKind.REQUEST_TOKEN));
        String problem = formParameter(body, "oauth_problem");
        dance.add(leg.withAnswer(answer)
                .withFailure(ProviderCall.refusal(response.code(), problem == null ? null : "oauth_problem=" + problem)));
        return response;
    }

    /**
     * RFC 5849 §3.3: each signed call carries a nonce never used before with
     * its timestamp, so that nobody can replay it. The page shows how they
     * differ from the previous signed call's.
     */
    private static Leg checkNonceAndTimestamp(Leg leg, Dance dance, String authorization) {
        String nonce = headerParameter(authorization, "oauth_nonce");
        String timestamp = headerParameter(authorization, "oauth_timestamp");
        if (nonce == null || timestamp == null) {
            return leg;
        }
        Leg previous = null;
        boolean fresh = true;
        for (Leg earlier : dance.legs()) {
            String earlierNonce = headerParameter(earlier.message(), "oauth_nonce");
            if (earlierNonce != null) {
                previous = earlier;
                fresh &= !earlierNonce.equals(nonce);
            }
        }
        Leg checked = leg.withCheck("oauth_nonce=" + nonce + (fresh ? ": no earlier call of this dance sent it"
                : ": an earlier call of this dance sent it too"), fresh);
        if (previous == null) {
            return checked.withCheck("oauth_timestamp=" + timestamp + ": seconds since 1970, by this app's clock",
                    true);
        }
        long seconds = Long.parseLong(timestamp) - Long.parseLong(headerParameter(previous.message(), "oauth_timestamp"));
        return checked.withCheck("oauth_timestamp=" + timestamp + ": " + seconds + " s after leg " + previous.number(),
                seconds >= 0);
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

    /** A parameter of an Authorization: OAuth header, as sent, or null. */
    static String headerParameter(String text, String name) {
        if (text == null) {
            return null;
        }
        Matcher m = Pattern.compile("\\b" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** A parameter of a form or query, as sent (still %-encoded), or null. */
    static String formParameter(String text, String name) {
        Matcher m = Pattern.compile("(?:^|[?&\\s])" + Pattern.quote(name) + "=([^&\\s]*)").matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
