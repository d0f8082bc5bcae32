package com.example.clientapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import com.example.clientapp.common.ClientApplication;
import com.example.oauth.common.oauth2.PkceChallenge;
import com.example.oauth.common.security.RandomTokens;
import com.example.oauth.common.testing.ClientAppUnderTest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The client app signs in and out over real HTTP against a small OpenID
 * Connect provider played by this test (discovery, JWKS, token, UserInfo),
 * the browser played by an HTTP client that follows no redirect: Spring
 * Security finds the provider from its issuer alone, sends PKCE and a
 * nonce, checks the id_token, and logs out through the end-session
 * endpoint; the dance page shows every leg, secrets masked.
 */
class SignInTest {

    private static final String CLIENT_ID = "demo-1";
    private static final String CLIENT_SECRET = RandomTokens.generate(40);

    private static RSAKey key;
    private static HttpServer provider;
    private static String issuer;
    private static ConfigurableApplicationContext app;
    private static String appUrl;
    /** The codes the provider gave, with what the authentication request sent. */
    private static final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();
    private static volatile String nonceOverride;

    @BeforeAll
    static void start() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("key-1").generate();
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + provider.getAddress().getPort();
        provider.createContext("/.well-known/openid-configuration", exchange -> answer(exchange, 200, "{\"issuer\":\""
                + issuer + "\",\"authorization_endpoint\":\"" + issuer + "/oauth/authorize\",\"token_endpoint\":\""
                + issuer + "/oauth/token\",\"userinfo_endpoint\":\"" + issuer + "/oauth/userinfo\",\"jwks_uri\":\""
                + issuer + "/oauth/jwks\",\"end_session_endpoint\":\"" + issuer + "/oauth/logout\","
                + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"],\"scopes_supported\":[\"openid\",\"profile\"],"
                + "\"code_challenge_methods_supported\":[\"S256\"]}"));
        provider.createContext("/oauth/jwks", exchange -> answer(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
        provider.createContext("/oauth/token", SignInTest::token);
        provider.createContext("/oauth/userinfo", exchange -> answer(exchange, 200,
                "{\"sub\":\"u-42\",\"preferred_username\":\"alice\"}"));
        provider.start();

        int port = ClientAppUnderTest.freePort();
        appUrl = "http://localhost:" + port;
        app = ClientApplication.builder().run("--client-app.port=" + port, "--client-app.issuer=" + issuer,
                "--client-app.client-id=" + CLIENT_ID, "--client-app.client-secret=" + CLIENT_SECRET);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (provider != null) {
            provider.stop(0);
        }
    }

    @Test
    void signInByDiscoveryWithPkceAndANonceThenLogOutAtTheProvider() throws Exception {
        Browser browser = new Browser();
        Map<String, String> request = browser.startSignIn();

        assertThat(request).containsEntry("response_type", "code").containsEntry("client_id", CLIENT_ID)
                .containsEntry("scope", "openid profile").containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", appUrl + "/login/oauth2/code/tutorial")
                .containsKeys("state", "nonce", "code_challenge");
        HttpResponse<String> back = browser.get(request.get("redirect_uri") + "?code=" + code(request) + "&state="
                + URLEncoder.encode(request.get("state"), StandardCharsets.UTF_8) + "&iss=" + issuer);
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(location(back)).isEqualTo(appUrl + "/");

        HttpResponse<String> home = browser.get(appUrl + "/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Hello, <span id=\"name\">alice</span>").contains(">u-42<")
                .contains("&quot;kid&quot; : &quot;key-1&quot;").contains("data-claim=\"nonce\"");

        String dance = browser.get(appUrl + "/dance").body();
        assertThat(dance).contains("data-kind=\"DISCOVERY\"", "data-kind=\"AUTHORIZATION_REQUEST\"",
                "data-kind=\"AUTHORIZATION_RESPONSE\"", "data-kind=\"TOKEN_REQUEST\"", "data-kind=\"JWKS\"",
                "data-kind=\"USERINFO\"").doesNotContain("class=\"check failed\"").doesNotContain(CLIENT_SECRET)
                .contains("kid=key-1").contains("nonce is " + request.get("nonce"))
                .contains("S256(code_verifier) = " + request.get("code_challenge"));

        String csrf = field(home.body(), "_csrf");
        HttpResponse<String> logout = browser.post(appUrl + "/logout", "_csrf=" + URLEncoder.encode(csrf,
                StandardCharsets.UTF_8));
        assertThat(logout.statusCode()).isEqualTo(302);
        String endSession = location(logout);
        assertThat(endSession).startsWith(issuer + "/oauth/logout?id_token_hint=eyJ")
                .contains("post_logout_redirect_uri=" + appUrl + "/");
        // The provider logs the user out, then redirects to the registered URI.
        HttpResponse<String> loggedOut = browser.get(appUrl + "/");
        assertThat(loggedOut.statusCode()).isEqualTo(200);
        assertThat(loggedOut.body()).contains("<h1>Logged out</h1>");
        assertThat(browser.get(appUrl + "/dance").body()).contains("data-kind=\"LOGOUT_REQUEST\"",
                "data-kind=\"LOGOUT_RESPONSE\"");
        // Signed out here: the next visit starts a new sign-in.
        assertThat(location(browser.get(appUrl + "/"))).isEqualTo(appUrl + "/oauth2/authorization/tutorial");
    }

    @Test
    void anIdTokenWithAnotherNonceIsRefusedAndTheDanceSaysWhere() throws Exception {
        Browser browser = new Browser();
        Map<String, String> request = browser.startSignIn();
        nonceOverride = "not-the-one-sent";
        try {
            browser.get(request.get("redirect_uri") + "?code=" + code(request) + "&state="
                    + URLEncoder.encode(request.get("state"), StandardCharsets.UTF_8));
        } finally {
            nonceOverride = null;
        }

        HttpResponse<String> refused = browser.get(appUrl + "/refused");
        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(refused.body()).contains("invalid_nonce");
        assertThat(browser.get(appUrl + "/dance").body())
                .contains("✗ nonce is the one this browser&#39;s sign-in sent");
        assertThat(browser.get(appUrl + "/").statusCode()).isEqualTo(302); // not signed in: a new sign-in
    }

    @Test
    void anAnswerForASignInThisBrowserNeverStartedIsRefused() throws Exception {
        Browser victim = new Browser();
        Map<String, String> attackers = new Browser().startSignIn();
        victim.startSignIn();

        victim.get(attackers.get("redirect_uri") + "?code=" + code(attackers) + "&state="
                + URLEncoder.encode(attackers.get("state"), StandardCharsets.UTF_8));

        assertThat(victim.get(appUrl + "/refused").statusCode()).isEqualTo(400);
        assertThat(victim.get(appUrl + "/").statusCode()).isEqualTo(302);
    }

    @Test
    void aUserWhoSaysNoSeesTheDeniedPage() throws Exception {
        Browser browser = new Browser();
        Map<String, String> request = browser.startSignIn();

        browser.get(request.get("redirect_uri") + "?error=access_denied&state="
                + URLEncoder.encode(request.get("state"), StandardCharsets.UTF_8));

        HttpResponse<String> denied = browser.get(appUrl + "/refused");
        assertThat(denied.statusCode()).isEqualTo(200);
        assertThat(denied.body()).contains("Access denied");
    }

    @Test
    void logoutWithoutTheCsrfTokenIsRefusedBySpringSecurity() throws Exception {
        assertThat(new Browser().post(appUrl + "/logout", "").statusCode()).isEqualTo(403);
    }

    /** What the provider's authorization endpoint does once the user allowed: a code for this request. */
    private static String code(Map<String, String> request) {
        String code = RandomTokens.generate(32);
        codes.put(code, request);
        return code;
    }

    /** The token endpoint: client_secret_basic, the code once, PKCE S256, then tokens with a signed id_token. */
    private static void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        Map<String, String> request = codes.remove(form.getOrDefault("code", ""));
        if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization")) || request == null
                || !PkceChallenge.s256(form.getOrDefault("code_verifier", "")).equals(request.get("code_challenge"))) {
            answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        try {
            SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    new JWTClaimsSet.Builder().issuer(issuer).subject("u-42").audience(CLIENT_ID)
                            .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)))
                            .claim("auth_time", Instant.now().getEpochSecond())
                            .claim("nonce", nonceOverride != null ? nonceOverride : request.get("nonce")).build());
            idToken.sign(new RSASSASigner(key));
            answer(exchange, 200, "{\"access_token\":\"" + RandomTokens.generate(40) + "\",\"token_type\":\"Bearer\","
                    + "\"expires_in\":3600,\"scope\":\"openid profile\",\"id_token\":\"" + idToken.serialize() + "\"}");
        } catch (Exception e) {
            answer(exchange, 500, "{\"error\":\"server_error\"}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static Map<String, String> parse(String form) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    /** Where a redirect goes, as a browser reads its Location (relative to the page or not). */
    private static String location(HttpResponse<String> response) {
        return response.uri().resolve(response.headers().firstValue("Location").orElseThrow()).toString();
    }

    private static String field(String page, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
        assertThat(m.find()).as("a field " + name).isTrue();
        return m.group(1);
    }

    /** A browser with its own cookies that follows no redirect, so each leg is seen. */
    private final class Browser {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String url) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String url, String form) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** "/", then Spring's redirect to the provider: the authentication request's parameters. */
        Map<String, String> startSignIn() throws Exception {
            HttpResponse<String> home = get(appUrl + "/");
            assertThat(location(home)).isEqualTo(appUrl + "/oauth2/authorization/tutorial");
            String location = location(get(location(home)));
            assertThat(location).startsWith(issuer + "/oauth/authorize?");
            return parse(URI.create(location).getRawQuery());
        }
    }
}
