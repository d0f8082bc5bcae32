package com.example.oauth.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A cookie-keeping HTTP client that behaves like a browser without
 * JavaScript, except that it never follows redirects by itself: tests look at
 * every redirect. Every call goes over real HTTP.
 */
public class Browser {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final List<Cookie> cookies = new ArrayList<>();
    private final OkHttpClient http;

    public Browser() {
        this.http = new OkHttpClient.Builder()
                .followRedirects(false)
                .cookieJar(new CookieJar() {
                    @Override
                    public void saveFromResponse(HttpUrl url, List<Cookie> received) {
                        synchronized (cookies) {
                            for (Cookie cookie : received) {
                                cookies.removeIf(c -> c.name().equals(cookie.name())
                                        && c.domain().equals(cookie.domain()) && c.path().equals(cookie.path()));
                                cookies.add(cookie);
                            }
                        }
                    }

                    @Override
                    public List<Cookie> loadForRequest(HttpUrl url) {
                        synchronized (cookies) {
                            cookies.removeIf(c -> c.expiresAt() < System.currentTimeMillis());
                            return cookies.stream().filter(c -> c.matches(url)).toList();
                        }
                    }
                })
                .build();
    }

    public Page get(String url) {
        return send(new Request.Builder().url(url).build());
    }

    public Page get(String url, Map<String, String> headers) {
        Request.Builder request = new Request.Builder().url(url);
        headers.forEach(request::header);
        return send(request.build());
    }

    /** A form post, exactly as given: no CSRF token is added. */
    public Page post(String url, Map<String, String> form) {
        return post(url, form, Map.of());
    }

    public Page post(String url, Map<String, String> form, Map<String, String> headers) {
        FormBody.Builder body = new FormBody.Builder();
        form.forEach(body::add);
        Request.Builder request = new Request.Builder().url(url).post(body.build());
        headers.forEach(request::header);
        return send(request.build());
    }

    /** Follows redirects from a page, like a browser, and returns where it ends. */
    public Page follow(Page page) {
        Page current = page;
        for (int hops = 0; current.isRedirect(); hops++) {
            if (hops == 10) {
                throw new AssertionError("Too many redirects, last to " + current.location());
            }
            current = get(current.resolve(current.location()));
        }
        return current;
    }

    /** Logs in at the provider's home page and returns the page it lands on. */
    public Page logIn(String providerUrl, String username) {
        Page home = get(providerUrl + "/");
        return post(providerUrl + "/", Map.of("username", username, "_csrf", home.csrfToken()));
    }

    /** The value of a cookie this browser holds, or null. */
    public String cookie(String name) {
        synchronized (cookies) {
            return cookies.stream().filter(c -> c.name().equals(name)).map(Cookie::value).findFirst().orElse(null);
        }
    }

    /** The value of a cookie this browser holds for one host, or null. */
    public String cookie(String name, String host) {
        synchronized (cookies) {
            return cookies.stream().filter(c -> c.name().equals(name) && c.domain().equals(host))
                    .map(Cookie::value).findFirst().orElse(null);
        }
    }

    public OkHttpClient http() {
        return http;
    }

    private Page send(Request request) {
        try (Response response = http.newCall(request).execute()) {
            return new Page(request.url().toString(), response.code(), response.headers(), response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What came back for one request. */
    public record Page(String url, int status, okhttp3.Headers headers, String body) {

        public String header(String name) {
            return headers.get(name);
        }

        public boolean isRedirect() {
            return status >= 300 && status < 400 && location() != null;
        }

        public String location() {
            return headers.get("Location");
        }

        /** The CSRF token of the first form on the page. */
        public String csrfToken() {
            Matcher m = CSRF_FIELD.matcher(body);
            if (!m.find()) {
                throw new AssertionError("No _csrf field on " + url + " (status " + status + "):\n" + body);
            }
            return m.group(1);
        }

        public String resolve(String location) {
            return HttpUrl.get(url).resolve(location).toString();
        }
    }
}
