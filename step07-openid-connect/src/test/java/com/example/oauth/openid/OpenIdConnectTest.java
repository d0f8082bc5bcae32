package com.example.oauth.openid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.example.oauth.common.oidc.SigningKeys;
import com.example.oauth.common.testing.Browser;
import com.example.oauth.common.testing.Browser.Page;
import com.example.oauth.common.testing.OAuth2Calls;
import com.github.scribejava.core.oauth.OAuth20Service;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import okhttp3.Request;
import tools.jackson.databind.JsonNode;

/**
 * This step's OpenID Connect contract over real HTTP: discovery, the JWKS,
 * the id_token (its signature checked here with nimbus against the JWKS
 * served, not by the code that made it), UserInfo, prompt and max_age,
 * remembered consent and /apps, logout, key rotation; and each bad input,
 * which changes nothing stored.
 */
class OpenIdConnectTest extends OAuth2Calls {

    /** Where the test client's logout may send the browser back. */
    private static final String LOGGED_OUT = "http://localhost:8000/";

    @Autowired
    private SigningKeys keys;

    /** Every row of the client's codes, tokens and consents. */
    @Override
    protected Object stored(Registration client) {
        String of = " x join client c on c.id = x.client_id where c.client_id = ?";
        return List.of(jdbc.queryForList("select x.* from grants" + of, client.id()),
                jdbc.queryForList("select x.* from token" + of, client.id()),
                jdbc.queryForList("select x.* from consent" + of, client.id()));
    }

    /** A confidential client for openid and profile, as registered at /client, with a post-logout URI. */
    private Registration openIdClient() {
        Browser developer = loggedInUser(uniqueName("developer"));
        Page page = developer.post(provider() + "/client", Map.of("redirect_uri", CALLBACK, "scope", "openid profile",
                "post_logout_redirect_uri", LOGGED_OUT, "_csrf", developer.get(provider() + "/client").csrfToken()),
                Map.of("Accept", "application/json"));
        JsonNode json = new Answer(page.status(), page.body(), page.headers()).json();
        assertThat(json.get("post_logout_redirect_uris").toString()).isEqualTo("[\"" + LOGGED_OUT + "\"]");
        return new Registration(json.get("client_id").asString(), json.get("client_secret").asString());
    }

    /** An authentication request with these pairs, and redirect_uri CALLBACK, scope openid profile, state s1. */
    private String signIn(Registration client, String... pairs) {
        List<String> all = new ArrayList<>(List.of(pairs));
        Map.of("redirect_uri", CALLBACK, "scope", "openid profile", "state", "s1").forEach((name, value) -> {
            if (!all.contains(name)) {
                all.addAll(List.of(name, value));
            }
        });
        return authorizeUrl(client, all.toArray(String[]::new));
    }

    private Answer get(String path, String authorization) {
        Request.Builder request = new Request.Builder().url(provider() + path);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    /** The id_token of a token response, checked as a client does: by its kid, with the JWKS served now. */
    private JWTClaimsSet verified(JsonNode tokens) throws Exception {
        SignedJWT idToken = SignedJWT.parse(tokens.get("id_token").asString());
        JWKSet jwks = JWKSet.parse(get("/oauth/jwks", null).body());
        assertThat(idToken.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(idToken.verify(new RSASSAVerifier(jwks.getKeyByKeyId(idToken.getHeader().getKeyID()).toRSAKey())))
                .isTrue();
        assertThat(idToken.getJWTClaimsSet().getIssuer()).isEqualTo(provider());
        return idToken.getJWTClaimsSet();
    }

    /** §3.1.2.6: back at the redirect URI with the error, the state and the issuer (RFC 9207). */
    private void backWithError(Page page, String error) {
        assertThat(page.status()).as(page.body()).isEqualTo(303);
        assertThat(page.location()).startsWith(CALLBACK + "?error=" + error + "&");
        assertThat(queryParameter(page.location(), "state")).isEqualTo("s1");
        assertThat(queryParameter(page.location(), "iss")).isEqualTo(provider());
    }

    @Test
    void discoveryAndTheKeySetArePublicAndKeptBriefly() throws Exception {
        Answer discovery = get("/.well-known/openid-configuration", null);
        assertThat(discovery.header("Cache-Control")).isEqualTo("max-age=300, public");
        JsonNode metadata = discovery.json();
        assertThat(metadata.get("issuer").asString()).isEqualTo(provider());
        assertThat(List.of(metadata.get("jwks_uri").asString(), metadata.get("userinfo_endpoint").asString(),
                metadata.get("end_session_endpoint").asString())).containsExactly(provider() + "/oauth/jwks",
                        provider() + "/oauth/userinfo", provider() + "/oauth/logout");
        assertThat(metadata.get("scopes_supported").toString()).isEqualTo("[\"openid\",\"profile\",\"email\"]");
        assertThat(metadata.get("response_types_supported").toString()).isEqualTo("[\"code\"]");
        assertThat(metadata.get("subject_types_supported").toString()).isEqualTo("[\"public\"]");
        assertThat(metadata.get("id_token_signing_alg_values_supported").toString()).isEqualTo("[\"RS256\"]");
        assertThat(get("/.well-known/oauth-authorization-server", null).status()).isEqualTo(200);

        Answer jwks = get("/oauth/jwks", null);
        assertThat(jwks.header("Cache-Control")).isEqualTo("max-age=60, public");
        for (JWK key : JWKSet.parse(jwks.body()).getKeys()) {
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.toRSAKey().size()).isGreaterThanOrEqualTo(2048);
        }
        assertThat(jwks.body()).contains("\"use\":\"sig\"", "\"alg\":\"RS256\"").doesNotContain("\"d\"", "\"p\"");
    }

    @Test
    void scribejavaSignsInGetsAnIdTokenAndUserInfoAndASecondSignInShowsNoPage() throws Exception {
        Registration client = openIdClient();
        OAuth20Service scribe = scribe(client, "openid profile");
        String name = uniqueName("olivia");
        Browser user = loggedInUser(name);
        Instant loggedIn = Instant.now();

        // The consent page names openid, and its form carries the nonce to the code.
        Page consent = user.get(scribe.createAuthorizationUrlBuilder().state("s1")
                .additionalParams(Map.of("nonce", "n-1")).build());
        assertThat(consent.body()).contains("sign you in");
        String code = queryParameter(answer(user, consent, "yes").location(), "code");
        JsonNode tokens = new Answer(200, scribe.getAccessToken(code).getRawResponse(), null).json();
        JWTClaimsSet claims = verified(tokens);
        String sub = claims.getSubject();
        assertThat(sub).isNotBlank().isNotEqualTo(name);
        assertThat(claims.getAudience()).containsExactly(client.id());
        assertThat(claims.getStringClaim("nonce")).isEqualTo("n-1");
        Date authTime = claims.getDateClaim("auth_time");
        assertThat(authTime.toInstant()).isBetween(loggedIn.minusSeconds(5), Instant.now());
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(10));

        // UserInfo, GET or POST: the same sub, and the name for scope profile; never cached.
        Answer userInfo = get("/oauth/userinfo", bearer(tokens));
        assertThat(userInfo.header("Cache-Control")).isEqualTo("no-store");
        assertThat(userInfo.body()).isEqualTo("{\"sub\":\"" + sub + "\",\"preferred_username\":\"" + name + "\"}");
        assertThat(send(new Request.Builder().url(provider() + "/oauth/userinfo").header("Authorization",
                bearer(tokens)).post(form()).build()).body()).isEqualTo(userInfo.body());

        // Allowed before: straight back with a code; the same sub and auth_time, the new nonce.
        Page silent = user.get(signIn(client, "nonce", "n-2"));
        JWTClaimsSet again = verified(exchange(client, queryParameter(silent.location(), "code"), null));
        assertThat(again.getSubject()).isEqualTo(sub);
        assertThat(again.getDateClaim("auth_time")).isEqualTo(authTime);
        assertThat(again.getStringClaim("nonce")).isEqualTo("n-2");

        // Core §12.2: a refresh's id_token says the same, without a nonce.
        JWTClaimsSet refreshed = verified(refresh(client, tokens).json());
        assertThat(refreshed.getSubject()).isEqualTo(sub);
        assertThat(refreshed.getDateClaim("auth_time")).isEqualTo(authTime);
        assertThat(refreshed.getClaim("nonce")).isNull();

        // Another user, another sub.
        JsonNode other = exchange(client, codeFor(client, "redirect_uri", CALLBACK, "scope", "openid"), null);
        assertThat(verified(other).getSubject()).isNotEqualTo(sub);
    }

    @Test
    void aTokenWithoutOpenidGetsNoIdTokenAndUserInfoRefusesItAsItRefusesAnIdToken() {
        Registration client = openIdClient();
        JsonNode profileOnly = tokensFor(client, "profile");
        assertThat(profileOnly.has("id_token")).isFalse();
        Answer insufficient = get("/oauth/userinfo", bearer(profileOnly));
        assertThat(insufficient.status()).isEqualTo(403);
        assertThat(insufficient.header("WWW-Authenticate"))
                .contains("error=\"insufficient_scope\"", "scope=\"openid\"");

        String idToken = tokensFor(client, "openid").get("id_token").asString();
        Answer notABearerToken = get("/oauth/userinfo", "Bearer " + idToken);
        assertThat(notABearerToken.status()).isEqualTo(401);
        assertThat(notABearerToken.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
        assertThat(get("/oauth/userinfo", null).header("WWW-Authenticate")).isEqualTo("Bearer realm=\"api\"");
    }

    @Test
    void promptNoneAnswersAtTheRedirectUriAndPromptConsentAlwaysAsks() {
        Registration client = openIdClient();
        backWithError(new Browser().get(signIn(client, "prompt", "none")), "login_required");
        Browser user = loggedInUser(uniqueName("nina"));
        backWithError(user.get(signIn(client, "prompt", "none")), "consent_required");

        code(user, signIn(client, "scope", "openid"));
        // openid is allowed, profile is not yet: the page again, for both; then neither asks.
        Page bothScopes = user.get(signIn(client));
        assertThat(bothScopes.body()).contains("Allow access?");
        answer(user, bothScopes, "yes");
        assertThat(queryParameter(user.get(signIn(client, "prompt", "none")).location(), "code")).isNotNull();
        assertThat(user.get(signIn(client, "prompt", "consent")).body()).contains("Allow access?");
        // An empty parameter counts as not sent.
        assertThat(queryParameter(user.get(signIn(client, "prompt", "")).location(), "code")).isNotNull();

        // RFC 8252 §8.6: anyone can send a public client's id, so its remembered consent asks again.
        String[] pkce = {"scope", "openid", "code_challenge_method", "S256", "code_challenge", challengeOf("v")};
        code(user, signIn(publicClient(CALLBACK, "openid"), pkce));
        assertThat(user.get(signIn(publicClient(CALLBACK, "openid"), pkce)).body()).contains("Allow access?");
    }

    @Test
    void promptLoginAsksForANewLoginOnceAndTheIdTokenTellsIt() throws Exception {
        Registration client = openIdClient();
        String name = uniqueName("lea");
        Browser user = loggedInUser(name);
        code(user, signIn(client));
        // What the client sends cannot stand for the login: the session keeps when the provider asked for it.
        assertThat(user.get(signIn(client, "prompt", "login", "login_asked_at", "1")).location()).startsWith("/?next");
        Instant asked = Instant.now();
        Page login = user.get(signIn(client, "prompt", "login"));
        // To the login page, still logged in (a GET logs no one out), and back to the request, once.
        assertThat(user.get(provider() + "/").body()).contains(name);
        String next = queryParameter(provider() + login.location(), "next");
        Page loggedIn = user.post(provider() + "/", Map.of("username", name, "next", next, "_csrf",
                user.get(provider() + "/").csrfToken()));
        Page back = user.get(provider() + loggedIn.location());
        JsonNode tokens = exchange(client, queryParameter(back.location(), "code"), null);
        assertThat(verified(tokens).getDateClaim("auth_time").toInstant())
                .isAfterOrEqualTo(asked.truncatedTo(ChronoUnit.SECONDS));
        assertThat(user.get(provider() + loggedIn.location()).location()).startsWith("/?next");
    }

    @Test
    void badAuthenticationRequestsGoBackToTheClientAndStoreNothing() {
        Registration client = openIdClient();
        Browser user = loggedInUser(uniqueName("bea"));
        Object before = stored(client);
        for (String[] bad : List.of(new String[] {"prompt", "sometimes"}, new String[] {"prompt", "none login"},
                new String[] {"max_age", "ten"}, new String[] {"max_age", "-1"},
                new String[] {"nonce", "n".repeat(256)}, new String[] {"nonce", "a\u0000b"})) {
            backWithError(user.get(signIn(client, bad)), "invalid_request");
        }
        for (String responseType : List.of("id_token", "code id_token")) {
            backWithError(user.get(provider() + "/oauth/authorize?" + query("response_type", responseType,
                    "client_id", client.id(), "redirect_uri", CALLBACK, "state", "s1")), "unsupported_response_type");
        }
        // An unknown client or an unregistered redirect URI: the provider's page, whatever prompt says.
        for (Browser anyone : List.of(user, new Browser())) {
            for (String url : List.of(signIn(new Registration("nobody", null), "prompt", "none"),
                    signIn(client, "prompt", "none", "redirect_uri", CALLBACK + "/elsewhere"))) {
                Page page = anyone.get(url);
                assertThat(page.status()).isEqualTo(400);
                assertThat(page.location()).isNull();
            }
        }
        // Core §3.1.2.1: redirect_uri is required; missing, it is not redirected to (RFC 6749 §4.1.2.1).
        assertThat(user.get(authorizeUrl(client, "scope", "openid")).status()).isEqualTo(400);
        assertThat(stored(client)).isEqualTo(before);
    }

    @Test
    void theUserRevokesAnAppOnAppsWhichEndsItsTokensAndItsConsentAtOnce() {
        Registration client = openIdClient();
        String name = uniqueName("amy");
        Browser user = loggedInUser(name);
        JsonNode tokens = exchange(client, code(user, signIn(client)), null);
        assertThat(new Browser().get(provider() + "/apps").location()).isEqualTo("/?next=/apps");

        Page apps = user.get(provider() + "/apps");
        assertThat(apps.header("Cache-Control")).isEqualTo("no-store");
        assertThat(apps.body()).contains(client.id(), "<strong>localhost</strong>", "openid profile");
        // Without _csrf, or for an app the user never allowed: refused, nothing changes.
        Object before = stored(client);
        assertThat(user.post(provider() + "/apps/revoke", Map.of("client_id", client.id())).status()).isEqualTo(403);
        for (String never : List.of(openIdClient().id(), "nobody")) {
            Page refused = user.post(provider() + "/apps/revoke", Map.of("client_id", never, "_csrf",
                    apps.csrfToken()));
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.body()).contains("nothing to revoke");
        }
        assertThat(stored(client)).isEqualTo(before);

        Page revoked = user.post(provider() + "/apps/revoke", Map.of("client_id", client.id(), "_csrf",
                apps.csrfToken()));
        assertThat(revoked.location()).isEqualTo("/apps");
        assertThat(user.get(provider() + "/apps").body()).doesNotContain(client.id());
        assertThat(me(bearer(tokens)).status()).isEqualTo(401);
        assertThat(get("/oauth/userinfo", bearer(tokens)).status()).isEqualTo(401);
        assertThat(refresh(client, tokens).error()).isEqualTo("invalid_grant");
        assertThat(user.get(signIn(client)).body()).contains("Allow access?");
    }

    @Test
    void logoutAsksFirstThenRedirectsOnlyToAUriTheClientRegistered() throws Exception {
        Registration client = openIdClient();
        String name = uniqueName("liam");
        Browser user = loggedInUser(name);
        String idToken = exchange(client, code(user, signIn(client)), null).get("id_token").asString();

        Page confirm = user.get(provider() + "/oauth/logout?" + query("id_token_hint", idToken,
                "post_logout_redirect_uri", LOGGED_OUT, "state", "bye"));
        assertThat(confirm.header("Cache-Control")).isEqualTo("no-store");
        assertThat(confirm.body()).contains("Log out?", client.id(), LOGGED_OUT);
        Map<String, String> form = hiddenFields(confirm);
        assertThat(user.post(provider() + "/oauth/logout", Map.of("id_token_hint", idToken)).status()).isEqualTo(403);
        assertThat(user.get(provider() + "/").body()).contains(name);
        Page out = user.post(provider() + "/oauth/logout", form);
        assertThat(out.location()).isEqualTo(LOGGED_OUT + "?state=bye");
        assertThat(user.get(provider() + "/").body()).doesNotContain(name);

        // A hint that does not verify, a mismatch, an unregistered URI: logged out, on the provider's page.
        RSAKey foreignKey = new RSAKeyGenerator(2048).keyID("foreign").generate();
        SignedJWT foreign = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("foreign").build(),
                SignedJWT.parse(idToken).getJWTClaimsSet());
        foreign.sign(new RSASSASigner(foreignKey));
        for (String[] bad : List.of(new String[] {"id_token_hint", "not.a.jwt"},
                new String[] {"id_token_hint", foreign.serialize()},
                new String[] {"id_token_hint", idToken, "client_id", openIdClient().id()},
                new String[] {"id_token_hint", idToken, "post_logout_redirect_uri", LOGGED_OUT + "elsewhere"},
                new String[] {})) {
            Browser again = loggedInUser(name);
            List<String> pairs = new ArrayList<>(List.of(bad));
            pairs.addAll(bad.length == 2 || bad.length == 4 && bad[2].equals("client_id")
                    ? List.of("post_logout_redirect_uri", LOGGED_OUT) : List.of());
            Page page = again.get(provider() + "/oauth/logout?" + query(pairs.toArray(String[]::new)));
            Page result = again.post(provider() + "/oauth/logout", hiddenFields(page));
            assertThat(result.status()).isEqualTo(200);
            assertThat(result.body()).contains("You are logged out");
            assertThat(again.get(provider() + "/").body()).doesNotContain(name);
        }
    }

    @Test
    void anIdTokenSignedBeforeANewKeyStillVerifiesAndTheNextCarriesTheNewKid() throws Exception {
        Registration client = openIdClient();
        JsonNode before = tokensFor(client, "openid");
        String newKid = keys.rotate().kid();

        verified(before);
        JsonNode after = tokensFor(client, "openid");
        verified(after);
        assertThat(SignedJWT.parse(after.get("id_token").asString()).getHeader().getKeyID()).isEqualTo(newKid)
                .isNotEqualTo(SignedJWT.parse(before.get("id_token").asString()).getHeader().getKeyID());
    }

    @Test
    void aPostLogoutRedirectUriFollowsTheRulesOfRedirectUris() {
        Browser developer = loggedInUser(uniqueName("developer"));
        Page refused = developer.post(provider() + "/client", Map.of("redirect_uri", CALLBACK, "scope", "openid",
                "post_logout_redirect_uri", "http://example.com/bye", "_csrf",
                developer.get(provider() + "/client").csrfToken()), Map.of("Accept", "application/json"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("invalid_redirect_uri", "must use https");
    }
}
