package com.example.clientapp;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * An OkHttp interceptor on scribejava's HTTP client: every call the client
 * app makes to the provider becomes a leg of the visitor's dance, as it went
 * over the wire (the headers that matter, the body, the answer), with the
 * signature base string scribejava signed for it, secrets masked. A call
 * that gets no answer is recorded too, marked.
 */
public class ProviderCalls implements Interceptor {

    /** Request headers worth reading; OkHttp adds Host, Content-Length and the like. */
    private static final List<String> REQUEST_HEADERS = List.of("Authorization", "Content-Type", "Accept");
    private static final List<String> ANSWER_HEADERS = List.of("Content-Type", "Cache-Control", "Pragma",
            "WWW-Authenticate", "Location");

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
        boolean withAccessToken = kind == LegKind.API_CALL;
        Leg leg = new Leg(kind, message(request, form, withAccessToken), null)
                .withBaseString(Secrets.inBaseString(baseString, withAccessToken));
        leg = checkNonceAndTimestamp(leg, dance, request.header("Authorization"));
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            dance.add(leg.withFailure(noAnswer(request, e)));
            throw e;
        }
        String body = response.peekBody(Dance.MAX_TEXT).string();
        // The access-token answer carries the access token itself: masked too.
        dance.add(leg.withAnswer(answer(response, body, kind != LegKind.REQUEST_TOKEN))
                .withFailure(refusal(response.code(), body)));
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

    private static String message(Request request, String form, boolean withAccessToken) {
        StringBuilder text = new StringBuilder(request.method()).append(' ').append(request.url().encodedPath());
        String query = request.url().encodedQuery();
        if (query != null) {
            text.append('?').append(Secrets.inForm(query, withAccessToken));
        }
        text.append(" HTTP/1.1\nHost: ").append(request.url().host()).append(':').append(request.url().port());
        for (String name : REQUEST_HEADERS) {
            String value = request.header(name);
            if (value == null && name.equals("Content-Type") && request.body() != null
                    && request.body().contentType() != null) {
                value = request.body().contentType().toString();
            }
            if (value != null) {
                text.append('\n').append(name).append(": ")
                        .append(name.equals("Authorization") ? Secrets.inAuthorization(value, withAccessToken) : value);
            }
        }
        if (!form.isEmpty()) {
            text.append("\n\n").append(Secrets.inForm(form, withAccessToken));
        }
        return text.toString();
    }

    private static String answer(Response response, String body, boolean withAccessToken) {
        StringBuilder text = new StringBuilder("HTTP/1.1 ").append(response.code());
        for (String name : ANSWER_HEADERS) {
            for (String value : response.headers(name)) {
                text.append('\n').append(name).append(": ").append(value);
            }
        }
        if (!body.isEmpty()) {
            text.append("\n\n").append(Secrets.inForm(body, withAccessToken));
        }
        return text.toString();
    }

    /** Why an answer ends the dance: the provider refused (4xx, RFC 5849 §3.2) or failed (5xx). */
    private static String refusal(int status, String body) {
        if (status < 400) {
            return null;
        }
        String problem = formParameter(body, "oauth_problem");
        String code = problem == null ? "" : " (oauth_problem=" + problem + ")";
        return status >= 500
                ? "The provider failed to answer this call: status " + status + code + "."
                : "The provider refused this call: status " + status + code + ".";
    }

    private static String noAnswer(Request request, IOException e) {
        String provider = request.url().scheme() + "://" + request.url().host() + ":" + request.url().port();
        if (e instanceof ConnectException) {
            return "No answer: nothing listens at " + provider + ". Is the provider running?";
        }
        if (e instanceof InterruptedIOException) {
            return "No answer: the provider at " + provider + " did not answer in time.";
        }
        return "No answer: the connection to " + provider + " failed.";
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
