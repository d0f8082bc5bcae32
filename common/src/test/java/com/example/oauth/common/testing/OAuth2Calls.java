package com.example.oauth.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.oauth.common.oauth2.PkceChallenge;
import com.example.oauth.common.security.RandomTokens;
import com.example.oauth.common.testing.Browser.Page;
import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.oauth.OAuth20Service;
import com.github.scribejava.core.oauth2.clientauthentication.HttpBasicAuthenticationScheme;
import com.github.scribejava.core.oauth2.clientauthentication.RequestBodyAuthenticationScheme;
import com.github.scribejava.httpclient.okhttp.OkHttpHttpClient;

import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the OAuth 2 tests of step05 and step06 share, all over real HTTP:
 * registering clients as a developer would, answering the consent page as
 * a user, and sending token requests by hand, so that a test can break any
 * one rule. A step says what a client has in its tables ({@link #stored}).
 */
public abstract class OAuth2Calls extends ProviderTest {

    public static final String CALLBACK = "http://localhost:8000/authorized";

    private static final Pattern HIDDEN_FIELD =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).build();

    /** SQL on the provider's database. */
    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    private PlatformTransactionManager transactionManager;

    /** What a developer got when registering a client; secret is null for a public client. */
    public record Registration(String id, String secret) {
    }

    /** An answer of the provider, read whole. */
    public record Answer(int status, String body, okhttp3.Headers headers) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String error() {
            return json().get("error").asString();
        }

        public String header(String name) {
            return headers.get(name);
        }
    }

    /** What this client has in storage, to compare before and after a refused request. */
    protected abstract Object stored(Registration client);

    protected Registration confidentialClient(String redirectUris, String scope) {
        return register(redirectUris, scope, "confidential");
    }

    protected Registration publicClient(String redirectUris, String scope) {
        return register(redirectUris, scope, "public");
    }

    private Registration register(String redirectUris, String scope, String clientType) {
        Browser developer = loggedInUser(uniqueName("developer"));
        Page page = developer.post(provider() + "/client", Map.of("redirect_uri", redirectUris, "scope", scope,
                "client_type", clientType, "_csrf", developer.get(provider() + "/client").csrfToken()),
                Map.of("Accept", "application/json"));
        assertThat(page.status()).as(page.body()).isEqualTo(201);
        JsonNode json = JSON.readTree(page.body());
        return new Registration(json.get("client_id").asString(),
                json.has("client_secret") ? json.get("client_secret").asString() : null);
    }

    /**
     * scribejava, an OAuth 2 client written independently of this project,
     * as this client, sent back to {@link #CALLBACK}: a confidential client
     * authenticates with Basic (scribejava's default), a public one sends its
     * client_id in the body, and no secret.
     */
    protected OAuth20Service scribe(Registration client, String scope) {
        ServiceBuilder service = new ServiceBuilder(client.id());
        if (client.secret() != null) {
            service.apiSecret(client.secret());
        }
        return service.callback(CALLBACK).defaultScope(scope).httpClient(new OkHttpHttpClient(new OkHttpClient()))
                .build(new TutorialOAuth2Api(provider(), client.secret() == null
                        ? RequestBodyAuthenticationScheme.instance() : HttpBasicAuthenticationScheme.instance()));
    }

    protected Browser loggedInUser(String name) {
        Browser user = new Browser();
        user.logIn(provider(), name);
        return user;
    }

    /** An authorization URL: response_type=code, the client_id, then the given name/value pairs. */
    protected String authorizeUrl(Registration client, String... pairs) {
        List<String> all = new ArrayList<>(List.of("response_type", "code", "client_id", client.id()));
        all.addAll(List.of(pairs));
        return provider() + "/oauth/authorize?" + query(all.toArray(String[]::new));
    }

    /** Posts the consent page's form back with confirm=yes|no, hidden fields and CSRF token included. */
    protected Page answer(Browser user, Page consentPage, String confirm) {
        assertThat(consentPage.status()).as(consentPage.body()).isEqualTo(200);
        Map<String, String> form = hiddenFields(consentPage);
        form.put("confirm", confirm);
        return user.post(provider() + "/oauth/authorize", form);
    }

    /** The hidden fields of a page (the consent form's), values unescaped. */
    protected static Map<String, String> hiddenFields(Page page) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN_FIELD.matcher(page.body());
        while (m.find()) {
            fields.put(m.group(1), m.group(2).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                    .replace("&#39;", "'").replace("&amp;", "&"));
        }
        return fields;
    }

    /** A user allows the request; returns the code that comes back to the redirect URI. */
    protected String code(Browser user, String authorizeUrl) {
        Page back = answer(user, user.get(authorizeUrl), "yes");
        assertThat(back.status()).as(back.body()).isEqualTo(303);
        String code = queryParameter(back.location(), "code");
        assertThat(code).as(back.location()).isNotNull();
        return code;
    }

    /** A PKCE verifier: 50 letters and digits. */
    protected static String newVerifier() {
        return RandomTokens.generate(50);
    }

    protected static String challengeOf(String verifier) {
        return PkceChallenge.s256(verifier);
    }

    /** A code for a client, asked for by a new user. */
    protected String codeFor(Registration client, String... pairs) {
        return code(loggedInUser(uniqueName("user")), authorizeUrl(client, pairs));
    }

    /** A request to the token endpoint, the client authenticated as its type wants (Basic, or client_id). */
    protected Answer token(Registration client, String... pairs) {
        return post("/oauth/token", client, pairs);
    }

    /** A POST of a form to an endpoint, the client authenticated as its type wants. */
    protected Answer post(String path, Registration client, String... pairs) {
        Request.Builder request = new Request.Builder().url(provider() + path);
        List<String> all = new ArrayList<>(List.of(pairs));
        if (client.secret() != null) {
            request.header("Authorization", basic(client.id(), client.secret()));
        } else {
            all.addAll(List.of("client_id", client.id()));
        }
        return send(request.post(form(all.toArray(String[]::new))).build());
    }

    /** The authorization_code grant for a code sent to {@link #CALLBACK}, and any more pairs, as answered. */
    protected Answer codeGrant(Registration client, String code, String... more) {
        List<String> pairs = new ArrayList<>(List.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", CALLBACK));
        pairs.addAll(List.of(more));
        return token(client, pairs.toArray(String[]::new));
    }

    /** The authorization_code grant for a code, with a verifier if not null; must succeed. */
    protected JsonNode exchange(Registration client, String code, String verifier) {
        Answer answer = verifier == null ? codeGrant(client, code) : codeGrant(client, code, "code_verifier", verifier);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** The refresh_token grant with the refresh token of a token response, as answered. */
    protected Answer refresh(Registration client, JsonNode tokens) {
        return token(client, "grant_type", "refresh_token", "refresh_token", tokens.get("refresh_token").asString());
    }

    /** A fresh token pair for a confidential client: a user allows, the code is exchanged. */
    protected JsonNode tokensFor(Registration client, String scope) {
        return exchange(client, codeFor(client, "redirect_uri", CALLBACK, "scope", scope), null);
    }

    /** "Bearer " and the access token of a token response. */
    protected static String bearer(JsonNode tokens) {
        return "Bearer " + tokens.get("access_token").asString();
    }

    /**
     * Sends a request to the token, revocation or introspection endpoint
     * that must be refused: checks the RFC 6749 §5.2 answer, its headers,
     * and that the client's codes and tokens did not change.
     */
    protected Answer refused(Registration client, Supplier<Answer> request, int status, String error) {
        Object before = stored(client);

        Answer answer = request.get();

        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.error()).isEqualTo(error);
        assertThat(answer.json().get("error_description").asString()).isNotBlank().doesNotContain("\"");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertThat(answer.header("Pragma")).isEqualTo("no-cache");
        assertThat(answer.header("WWW-Authenticate")).isEqualTo(status == 401 ? "Basic realm=\"oauth\"" : null);
        assertThat(answer.header("Retry-After")).isEqualTo(status == 503 ? "1" : null);
        assertThat(stored(client)).isEqualTo(before);
        return answer;
    }

    /** Sends the same request from many threads at once; returns every answer. */
    protected List<Answer> atOnce(int threads, Supplier<Answer> request) throws Exception {
        return atOnce(Collections.nCopies(threads, request));
    }

    /** Sends these requests at once, each from its own thread; returns their answers, in the same order. */
    protected List<Answer> atOnce(List<Supplier<Answer>> requests) throws Exception {
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

    /**
     * Exactly one of these answers to one code or refresh token got tokens;
     * every other was refused as a second use (invalid_grant). The winner's tokens.
     */
    protected static JsonNode theOneWinner(List<Answer> answers) {
        assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(a -> a.status() == 400 && a.error().equals("invalid_grant"))
                .hasSize(answers.size() - 1);
        return answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow().json();
    }

    /**
     * What a request answers while another transaction holds the rows that
     * this SQL statement, with its one parameter, touches, as a request in
     * progress would.
     */
    protected <T> T whileHeld(String sql, Object parameter, Supplier<T> request) {
        return new TransactionTemplate(transactionManager).execute(status -> {
            jdbc.update(sql, parameter);
            return request.get();
        });
    }

    /** GET /api/me with this Authorization header, or none if null. */
    protected Answer me(String authorization) {
        Request.Builder request = new Request.Builder().url(provider() + "/api/me");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    protected Answer send(Request request) {
        try (Response response = http.newCall(request).execute()) {
            return new Answer(response.code(), response.body().string(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A form body from name/value pairs; a name may repeat. */
    protected static FormBody form(String... pairs) {
        FormBody.Builder form = new FormBody.Builder();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        return form.build();
    }

    /** RFC 6749 §2.3.1: Basic with the id and secret form-encoded first. */
    protected static String basic(String id, String secret) {
        String pair = URLEncoder.encode(id, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    protected static String queryParameter(String url, String name) {
        return HttpUrl.get(url).queryParameter(name);
    }

    protected static String query(String... pairs) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            query.append(i == 0 ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return query.toString();
    }
}
