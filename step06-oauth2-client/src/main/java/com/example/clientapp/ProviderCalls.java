package com.example.clientapp;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.oauth.common.oauth2.PkceChallenge;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * An OkHttp interceptor on scribejava's HTTP client: every call the client
 * app makes to the provider becomes a leg of the visitor's dance, as it went
 * over the wire (the headers that matter, the body, the answer), secrets
 * masked. A call that gets no answer is recorded too, marked.
 */
public class ProviderCalls implements Interceptor {

    /** Request headers worth reading; OkHttp adds Host, Content-Length and the like. */
    private static final List<String> REQUEST_HEADERS = List.of("Authorization", "Content-Type", "Accept");
    private static final List<String> ANSWER_HEADERS = List.of("Content-Type", "Cache-Control", "Pragma",
            "WWW-Authenticate", "Location");
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
        String message = message(request, form);
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            dance.add(new Leg(kind, message, null).withFailure(noAnswer(request, e)));
            throw e;
        }
        String body = response.peekBody(Dance.MAX_TEXT).string();
        Leg leg = new Leg(kind, message, answer(response, body)).withFailure(refusal(response.code(), body));
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
        String challenge = PkceChallenge.s256(Secrets.decode(verifier));
        String sent = parameter(authorization.message(), "code_challenge");
        return leg.withCheck("S256(code_verifier) = " + challenge + ", the code_challenge of leg "
                + authorization.number() + (challenge.equals(sent) ? "" : " (it was " + sent + ")"),
                challenge.equals(sent));
    }

    private static String message(Request request, String form) {
        StringBuilder text = new StringBuilder(request.method()).append(' ').append(request.url().encodedPath());
        String query = request.url().encodedQuery();
        if (query != null) {
            text.append('?').append(Secrets.inForm(query));
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
                        .append(name.equals("Authorization") ? Secrets.inAuthorization(value) : value);
            }
        }
        if (!form.isEmpty()) {
            text.append("\n\n").append(Secrets.inForm(form));
        }
        return text.toString();
    }

    private static String answer(Response response, String body) {
        StringBuilder text = new StringBuilder("HTTP/1.1 ").append(response.code());
        for (String name : ANSWER_HEADERS) {
            for (String value : response.headers(name)) {
                text.append('\n').append(name).append(": ").append(value);
            }
        }
        if (!body.isEmpty()) {
            String contentType = response.header("Content-Type", "");
            text.append("\n\n").append(contentType.contains("json") ? Secrets.inJson(body) : Secrets.inForm(body));
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

    /** A parameter of a form or query, as sent (still %-encoded), or null. */
    static String parameter(String text, String name) {
        Matcher m = Pattern.compile("(?:^|[?&\\s])" + Pattern.quote(name) + "=([^&\\s]*)").matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
