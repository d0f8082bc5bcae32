package com.example.oauth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.example.oauth.common.oauth2.PkceChallenge;
import com.example.oauth.common.security.RandomTokens;
import com.example.oauth.common.testing.Browser;
import com.example.oauth.common.testing.Browser.Page;
import com.example.oauth.common.testing.ProviderTest;

import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the OAuth 2 tests share: registering clients, answering the consent
 * page as a user, sending token requests by hand (so that a test can break
 * any one rule), and counting what a client has in storage.
 */
abstract class OAuth2Test extends ProviderTest {

    static final String CALLBACK = "http://localhost:8000/authorized";

    private static final Pattern HIDDEN_FIELD =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcTemplate jdbc;

    private final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).build();

    /** A registered client; secret is null for a public client. */
    record RegisteredClient(String id, String secret) {
    }

    /** An answer of the provider, read whole. */
    record Answer(int status, String body, okhttp3.Headers headers) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String error() {
            return json().get("error").asString();
        }

        String header(String name) {
            return headers.get(name);
        }
    }

    /**
     * What one client has in storage. revokedFamilies: codes whose family
     * was revoked; revokedTokens: tokens dead by revocation, their own
     * (client_credentials) or their family's.
     */
    record Rows(long codes, long usedCodes, long revokedFamilies, long tokens, long revokedTokens,
            long rotatedTokens) {
    }

    RegisteredClient confidentialClient(String redirectUris, String scope) {
        return register(redirectUris, scope, "confidential");
    }

    RegisteredClient publicClient(String redirectUris, String scope) {
        return register(redirectUris, scope, "public");
    }

    /** Registers a client over HTTP, as a developer would. */
    private RegisteredClient register(String redirectUris, String scope, String clientType) {
        Browser developer = loggedInUser(uniqueName("developer"));
        Map<String, String> form = new HashMap<>();
        form.put("redirect_uri", redirectUris);
        form.put("scope", scope);
        form.put("client_type", clientType);
        form.put("_csrf", developer.get(provider() + "/client").csrfToken());
        Page page = developer.post(provider() + "/client", form, Map.of("Accept", "application/json"));
        assertThat(page.status()).as(page.body()).isEqualTo(201);
        JsonNode json = JSON.readTree(page.body());
        return new RegisteredClient(json.get("client_id").asString(),
                json.has("client_secret") ? json.get("client_secret").asString() : null);
    }

    Browser loggedInUser(String name) {
        Browser user = new Browser();
        user.logIn(provider(), name);
        return user;
    }

    /** An authorization URL: response_type=code, the client_id, then the given name/value pairs. */
    String authorizeUrl(RegisteredClient client, String... pairs) {
        List<String> all = new ArrayList<>(List.of("response_type", "code", "client_id", client.id()));
        all.addAll(List.of(pairs));
        return provider() + "/oauth/authorize?" + query(all.toArray(String[]::new));
    }

    /** Posts the consent page's form back with confirm=yes|no, hidden fields and CSRF token included. */
    Page answer(Browser user, Page consentPage, String confirm) {
        assertThat(consentPage.status()).as(consentPage.body()).isEqualTo(200);
        Map<String, String> form = hiddenFields(consentPage);
        form.put("confirm", confirm);
        return user.post(provider() + "/oauth/authorize", form);
    }

    /** The hidden fields of a page (the consent form's), values unescaped. */
    static Map<String, String> hiddenFields(Page page) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN_FIELD.matcher(page.body());
        while (m.find()) {
            fields.put(m.group(1), unescapeHtml(m.group(2)));
        }
        return fields;
    }

    /** A user allows the request; returns the code that comes back to the redirect URI. */
    String code(Browser user, String authorizeUrl) {
        Page back = answer(user, user.get(authorizeUrl), "yes");
        assertThat(back.status()).as(back.body()).isEqualTo(303);
        String code = queryParameter(back.location(), "code");
        assertThat(code).as(back.location()).isNotNull();
        return code;
    }

    /** A PKCE verifier: 50 letters and digits. */
    static String newVerifier() {
        return RandomTokens.generate(50);
    }

    static String challengeOf(String verifier) {
        return PkceChallenge.s256(verifier);
    }

    /** A code for a confidential client, asked for by a new user, without PKCE. */
    String codeFor(RegisteredClient client, String... pairs) {
        return code(loggedInUser(uniqueName("user")), authorizeUrl(client, pairs));
    }

    /** A request to the token endpoint, the client authenticated as its type wants (Basic, or client_id). */
    Answer token(RegisteredClient client, String... pairs) {
        return post("/oauth/token", client, pairs);
    }

    /** A POST of a form to an endpoint, the client authenticated as its type wants. */
    Answer post(String path, RegisteredClient client, String... pairs) {
        Request.Builder request = new Request.Builder().url(provider() + path);
        List<String> all = new ArrayList<>(List.of(pairs));
        if (client.secret() != null) {
            request.header("Authorization", basic(client.id(), client.secret()));
        } else {
            all.addAll(List.of("client_id", client.id()));
        }
        return send(request.post(form(all.toArray(String[]::new))).build());
    }

    /** The authorization_code grant for a code, with a verifier if not null; must succeed. */
    JsonNode exchange(RegisteredClient client, String code, String verifier) {
        Answer answer = verifier == null
                ? token(client, "grant_type", "authorization_code", "code", code, "redirect_uri", CALLBACK)
                : token(client, "grant_type", "authorization_code", "code", code, "redirect_uri", CALLBACK,
                        "code_verifier", verifier);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** A fresh token pair for a confidential client: a user allows, the code is exchanged. */
    JsonNode tokensFor(RegisteredClient client, String scope) {
        return exchange(client, codeFor(client, "redirect_uri", CALLBACK, "scope", scope), null);
    }

    /**
     * Sends a request to the token, revocation or introspection endpoint
     * that must be refused: checks the RFC 6749 §5.2 answer, and that the
     * client's codes and tokens did not change.
     */
    Answer refused(RegisteredClient client, Supplier<Answer> request, int status, String error) {
        Rows before = rows(client);

        Answer answer = request.get();

        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.error()).isEqualTo(error);
        assertThat(answer.json().get("error_description").asString()).isNotBlank().doesNotContain("\"");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertThat(answer.header("Pragma")).isEqualTo("no-cache");
        if (status == 401) {
            assertThat(answer.header("WWW-Authenticate")).isEqualTo("Basic realm=\"oauth\"");
        } else {
            assertThat(answer.header("WWW-Authenticate")).isNull();
        }
        assertThat(rows(client)).isEqualTo(before);
        return answer;
    }

    /** Sends the same request from many threads at once; returns every answer. */
    List<Answer> atOnce(int threads, Supplier<Answer> request) throws Exception {
        return atOnce(Collections.nCopies(threads, request));
    }

    /** Sends these requests at once, each from its own thread; returns their answers, in the same order. */
    List<Answer> atOnce(List<Supplier<Answer>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> results = new ArrayList<>();
        try {
            for (Supplier<Answer> request : requests) {
                results.add(pool.submit(() -> {
                    start.await();
                    return request.get();
                }));
            }
            start.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> result : results) {
                answers.add(result.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }

    Answer me(String authorization) {
        Request.Builder request = new Request.Builder().url(provider() + "/api/me");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    Answer send(Request request) {
        try (Response response = http.newCall(request).execute()) {
            return new Answer(response.code(), response.body().string(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A form body from name/value pairs; a name may repeat. */
    static FormBody form(String... pairs) {
        FormBody.Builder form = new FormBody.Builder();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        return form.build();
    }

    /** RFC 6749 §2.3.1: Basic with the id and secret form-encoded first. */
    static String basic(String id, String secret) {
        String pair = URLEncoder.encode(id, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** What this client has in storage, counted with SQL. */
    Rows rows(RegisteredClient client) {
        String codes = "select count(*) from grants g join client c on g.client_id = c.id where c.client_id = ?";
        String tokens = "select count(*) from token t join client c on t.client_id = c.id"
                + " left join grants g on t.grant_id = g.id where c.client_id = ?";
        return new Rows(count(codes, client), count(codes + " and g.used", client),
                count(codes + " and g.revoked", client), count(tokens, client),
                count(tokens + " and (t.revoked or g.revoked)", client),
                count(tokens + " and t.refresh_token_used", client));
    }

    private long count(String sql, RegisteredClient client) {
        return jdbc.queryForObject(sql, Long.class, client.id());
    }

    static String queryParameter(String url, String name) {
        return HttpUrl.get(url).queryParameter(name);
    }

    static String query(String... pairs) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            query.append(i == 0 ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    private static String unescapeHtml(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
