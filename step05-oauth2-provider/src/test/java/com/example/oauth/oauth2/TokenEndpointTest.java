package com.example.oauth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.oauth.common.security.Sha256;

import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.databind.JsonNode;

/**
 * The token endpoint (RFC 6749 §3.2, §4.1.3, §4.4, §5), each rule broken
 * once: the error, its status and headers, and that the client's codes and
 * tokens did not change (or, where the RFC says so, that tokens were revoked).
 */
class TokenEndpointTest extends OAuth2Test {

    @Autowired
    PlatformTransactionManager transactionManager;

    private Request.Builder tokenEndpoint() {
        return new Request.Builder().url(provider() + "/oauth/token");
    }

    private Answer codeGrant(RegisteredClient client, String code) {
        return token(client, "grant_type", "authorization_code", "code", code, "redirect_uri", CALLBACK);
    }

    // ---------------------------------------------------------------- the request itself

    @Test
    void aGetIsAnsweredAsTheEndpointAnswersEveryError() {
        for (String path : List.of("/oauth/token", "/oauth/revoke", "/oauth/introspect")) {
            for (String method : List.of("GET", "PUT", "DELETE")) {
                Answer answer = send(new Request.Builder().url(provider() + path + "?grant_type=client_credentials")
                        .method(method, method.equals("GET") ? null : RequestBody.create(new byte[0], null)).build());

                assertThat(answer.status()).as(method + " " + path).isEqualTo(405);
                assertThat(answer.header("Allow")).isEqualTo("POST");
                assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
                assertThat(answer.header("Content-Type")).startsWith("application/json");
                assertThat(answer.error()).isEqualTo("invalid_request");
                assertThat(answer.json().get("error_description").asString()).contains("POST only");
            }
        }
    }

    @Test
    void aJsonBodyIsAnInvalidRequest() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String code = codeFor(client, "redirect_uri", CALLBACK);
        String json = "{\"grant_type\":\"authorization_code\",\"code\":\"" + code + "\"}";

        refused(client, () -> send(tokenEndpoint().header("Authorization", basic(client.id(), client.secret()))
                .post(RequestBody.create(json, MediaType.get("application/json"))).build()), 400, "invalid_request");
        // The code is still good.
        assertThat(codeGrant(client, code).status()).isEqualTo(200);
    }

    @Test
    void aBodyInAnotherCharsetThanUtf8IsAnInvalidRequest() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String code = codeFor(client, "redirect_uri", CALLBACK);
        String body = query("grant_type", "authorization_code", "code", code, "redirect_uri", CALLBACK);
        Supplier<Request.Builder> request = () -> tokenEndpoint()
                .header("Authorization", basic(client.id(), client.secret()));

        Answer answer = refused(client, () -> send(request.get().post(RequestBody.create(body,
                MediaType.get("application/x-www-form-urlencoded; charset=ISO-8859-1"))).build()), 400,
                "invalid_request");

        assertThat(answer.json().get("error_description").asString()).contains("UTF-8");
        // Said to be UTF-8, it is read, and the code is still good.
        Answer utf8 = send(request.get().post(RequestBody.create(body,
                MediaType.get("application/x-www-form-urlencoded; charset=UTF-8"))).build());
        assertThat(utf8.status()).as(utf8.body()).isEqualTo(200);
    }

    @Test
    void aParameterSentTwiceIsAnInvalidRequest() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String code = codeFor(client, "redirect_uri", CALLBACK);

        refused(client, () -> token(client, "grant_type", "authorization_code", "code", code, "code", code,
                "redirect_uri", CALLBACK), 400, "invalid_request");
    }

    @Test
    void parametersInTheQueryAreNotRead() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String code = codeFor(client, "redirect_uri", CALLBACK);
        String query = query("client_id", client.id(), "client_secret", client.secret());

        refused(client, () -> send(new Request.Builder().url(provider() + "/oauth/token?" + query)
                .post(form("grant_type", "authorization_code", "code", code, "redirect_uri", CALLBACK)).build()),
                401, "invalid_client");
    }

    @Test
    void aMissingOrUnknownGrantTypeIsRefused() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");

        refused(client, () -> token(client, "code", "x"), 400, "invalid_request");
        refused(client, () -> token(client, "grant_type", "magic"), 400, "unsupported_grant_type");
        // Neither the password grant nor the implicit grant is offered (RFC 9700 §2.4, §2.1.2).
        refused(client, () -> token(client, "grant_type", "password", "username", "u", "password", "p"), 400,
                "unsupported_grant_type");
    }

    @Test
    void aSuccessfulAnswerIsNeverCached() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");

        Answer answer = codeGrant(client, codeFor(client, "redirect_uri", CALLBACK));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertThat(answer.header("Pragma")).isEqualTo("no-cache");
        JsonNode json = answer.json();
        assertThat(json.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(json.get("expires_in").asLong()).isEqualTo(3600);
        assertThat(json.get("access_token").asString()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(json.get("refresh_token").asString()).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void tokensAreStoredAsHashesOnly() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");

        JsonNode json = exchange(client, codeFor(client, "redirect_uri", CALLBACK), null);

        String access = json.get("access_token").asString();
        String refresh = json.get("refresh_token").asString();
        assertThat(jdbc.queryForObject("select count(*) from token where access_token_hash = ?"
                + " and refresh_token_hash = ?", Long.class, Sha256.hex(access), Sha256.hex(refresh))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from token where access_token_hash = ?"
                + " or refresh_token_hash = ?", Long.class, access, refresh)).isZero();
    }

    // ---------------------------------------------------------------- client authentication

    @Test
    void clientSecretPostIsAcceptedToo() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String code = codeFor(client, "redirect_uri", CALLBACK);

        Answer answer = send(tokenEndpoint().post(form("grant_type", "authorization_code", "code", code,
                "redirect_uri", CALLBACK, "client_id", client.id(), "client_secret", client.secret())).build());

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    @Test
    void noClientAuthenticationIsAnInvalidClient() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String code = codeFor(client, "redirect_uri", CALLBACK);

        refused(client, () -> send(tokenEndpoint().post(form("grant_type", "authorization_code", "code", code,
                "redirect_uri", CALLBACK)).build()), 401, "invalid_client");
    }

    @Test
    void anUnknownClientIsAnInvalidClient() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String code = codeFor(client, "redirect_uri", CALLBACK);

        refused(client, () -> token(new RegisteredClient("nobody", "secret"), "grant_type", "authorization_code",
                "code", code), 401, "invalid_client");
    }

    @Test
    void aWrongSecretIsAnInvalidClientWithBasicOrInTheBody() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String code = codeFor(client, "redirect_uri", CALLBACK);

        refused(client, () -> token(new RegisteredClient(client.id(), "wrong"), "grant_type", "authorization_code",
                "code", code), 401, "invalid_client");
        refused(client, () -> send(tokenEndpoint().post(form("grant_type", "authorization_code", "code", code,
                "client_id", client.id(), "client_secret", "wrong")).build()), 401, "invalid_client");
        assertThat(codeGrant(client, code).status()).isEqualTo(200);
    }

    @Test
    void aConfidentialClientMustSendItsSecret() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String code = codeFor(client, "redirect_uri", CALLBACK);

        refused(client, () -> send(tokenEndpoint().post(form("grant_type", "authorization_code", "code", code,
                "client_id", client.id())).build()), 401, "invalid_client");
    }

    @Test
    void twoAuthenticationMethodsAtOnceAreAnInvalidRequest() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String code = codeFor(client, "redirect_uri", CALLBACK);

        refused(client, () -> token(client, "grant_type", "authorization_code", "code", code,
                "client_id", client.id(), "client_secret", client.secret()), 400, "invalid_request");
    }

    @Test
    void aClientIdInTheBodyMustBeTheBasicOne() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        RegisteredClient other = confidentialClient(CALLBACK, "profile");
        String code = codeFor(client, "redirect_uri", CALLBACK);

        refused(client, () -> token(client, "grant_type", "authorization_code", "code", code,
                "redirect_uri", CALLBACK, "client_id", other.id()), 400, "invalid_request");
        // The same id alongside Basic is fine.
        assertThat(token(client, "grant_type", "authorization_code", "code", code, "redirect_uri", CALLBACK,
                "client_id", client.id()).status()).isEqualTo(200);
    }

    @Test
    void aMalformedOrForeignAuthorizationHeaderIsAnInvalidClient() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String code = codeFor(client, "redirect_uri", CALLBACK);
        okhttp3.FormBody body = form("grant_type", "authorization_code", "code", code);

        for (String header : List.of("Basic not-base64!", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("no-colon".getBytes()), "Bearer " + client.secret(), "Basic")) {
            refused(client, () -> send(tokenEndpoint().header("Authorization", header).post(body).build()), 401,
                    "invalid_client");
        }
    }

    @Test
    void aPublicClientHasNoSecretToSend() {
        RegisteredClient client = publicClient(CALLBACK, "profile");

        refused(client, () -> token(new RegisteredClient(client.id(), "made-up"), "grant_type",
                "authorization_code", "code", "x"), 401, "invalid_client");
    }

    // ---------------------------------------------------------------- the code

    @Test
    void aMissingOrUnknownCodeIsRefused() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");

        refused(client, () -> token(client, "grant_type", "authorization_code"), 400, "invalid_request");
        refused(client, () -> codeGrant(client, "made-up-code"), 400, "invalid_grant");
    }

    @Test
    void anotherClientsCodeIsUnknown() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        RegisteredClient thief = confidentialClient(CALLBACK, "profile");
        String code = codeFor(client, "redirect_uri", CALLBACK);

        refused(client, () -> codeGrant(thief, code), 400, "invalid_grant");
        assertThat(codeGrant(client, code).status()).isEqualTo(200);
    }

    @Test
    void anExpiredCodeIsRefused() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String code = codeFor(client, "redirect_uri", CALLBACK);
        jdbc.update("update grants set expires_at = ? where code_hash = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), Sha256.hex(code));

        Answer answer = refused(client, () -> codeGrant(client, code), 400, "invalid_grant");

        assertThat(answer.json().get("error_description").asString()).contains("expired");
    }

    @Test
    void aSecondUseIsRefusedAndRevokesWhatTheFirstGave() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String code = codeFor(client, "redirect_uri", CALLBACK);
        String accessToken = exchange(client, code, null).get("access_token").asString();
        assertThat(me("Bearer " + accessToken).status()).isEqualTo(200);
        Rows before = rows(client);

        Answer second = codeGrant(client, code);

        assertThat(second.status()).isEqualTo(400);
        assertThat(second.error()).isEqualTo("invalid_grant");
        assertThat(second.json().get("error_description").asString()).contains("already used");
        // Nothing issued, and the first token is revoked.
        assertThat(rows(client).tokens()).isEqualTo(before.tokens());
        assertThat(rows(client).revokedTokens()).isEqualTo(before.tokens());
        assertThat(me("Bearer " + accessToken).status()).isEqualTo(401);
    }

    @Test
    void theRedirectUriMustBeTheAuthorizationRequestsOne() {
        RegisteredClient client = confidentialClient(CALLBACK + " http://localhost:8000/other", "profile");
        String code = codeFor(client, "redirect_uri", CALLBACK);

        refused(client, () -> token(client, "grant_type", "authorization_code", "code", code), 400,
                "invalid_request");
        refused(client, () -> token(client, "grant_type", "authorization_code", "code", code,
                "redirect_uri", "http://localhost:8000/other"), 400, "invalid_grant");
        assertThat(codeGrant(client, code).status()).isEqualTo(200);
    }

    // ---------------------------------------------------------------- PKCE

    @Test
    void aPublicClientMustSendTheRightVerifier() {
        RegisteredClient client = publicClient(CALLBACK, "profile");
        String verifier = newVerifier();
        String code = code(loggedInUser(uniqueName("pkce")), authorizeUrl(client, "redirect_uri", CALLBACK,
                "code_challenge", challengeOf(verifier), "code_challenge_method", "S256"));

        refused(client, () -> codeGrant(client, code), 400, "invalid_grant");
        refused(client, () -> token(client, "grant_type", "authorization_code", "code", code,
                "redirect_uri", CALLBACK, "code_verifier", newVerifier()), 400, "invalid_grant");
        refused(client, () -> token(client, "grant_type", "authorization_code", "code", code,
                "redirect_uri", CALLBACK, "code_verifier", "too-short"), 400, "invalid_request");

        assertThat(exchange(client, code, verifier).get("access_token").asString()).isNotBlank();
    }

    @Test
    void aConfidentialClientMayUsePkceAndIsThenHeldToIt() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String verifier = newVerifier();
        String code = codeFor(client, "redirect_uri", CALLBACK, "code_challenge", challengeOf(verifier),
                "code_challenge_method", "S256");

        refused(client, () -> codeGrant(client, code), 400, "invalid_grant");
        assertThat(exchange(client, code, verifier).get("access_token").asString()).isNotBlank();
    }

    @Test
    void aVerifierWithoutAChallengeIsRefused() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String code = codeFor(client, "redirect_uri", CALLBACK);

        // PKCE downgrade (RFC 9700 §4.8.2): a verifier for a code issued without a challenge.
        refused(client, () -> token(client, "grant_type", "authorization_code", "code", code,
                "redirect_uri", CALLBACK, "code_verifier", newVerifier()), 400, "invalid_grant");
        assertThat(codeGrant(client, code).status()).isEqualTo(200);
    }

    // ---------------------------------------------------------------- client credentials

    @Test
    void aConfidentialClientGetsATokenOfItsOwnWithoutScope() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile email");

        Answer answer = token(client, "grant_type", "client_credentials");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode json = answer.json();
        // Every scope here is a user's: a token that stands for the client itself has none.
        assertThat(json.has("scope")).isFalse();
        // RFC 6749 §4.4.3: no refresh token.
        assertThat(json.has("refresh_token")).isFalse();
        JsonNode introspection = post("/oauth/introspect", client, "token", json.get("access_token").asString())
                .json();
        assertThat(introspection.get("active").asBoolean()).isTrue();
        assertThat(introspection.get("client_id").asString()).isEqualTo(client.id());
        // No user: no username, and no sub that a user's name could equal.
        assertThat(introspection.has("sub")).isFalse();
        assertThat(introspection.has("username")).isFalse();
        assertThat(introspection.has("scope")).isFalse();
    }

    @Test
    void aClientsOwnTokenIsNoUsersToken() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String accessToken = token(client, "grant_type", "client_credentials").json().get("access_token").asString();

        Answer answer = me("Bearer " + accessToken);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.header("WWW-Authenticate")).contains("error=\"insufficient_scope\"")
                .contains("client_credentials").endsWith(", scope=\"profile\"");
    }

    @Test
    void clientCredentialsAreRefusedToAPublicClientAndForAnyScope() {
        RegisteredClient publicOne = publicClient(CALLBACK, "profile");
        RegisteredClient client = confidentialClient(CALLBACK, "profile email");

        refused(publicOne, () -> token(publicOne, "grant_type", "client_credentials"), 400, "unauthorized_client");
        // RFC 6749 §5.2: the user's scopes, even registered ones, and unknown ones.
        for (String scope : List.of("profile", "email", "profile email", "admin")) {
            Answer answer = refused(client, () -> token(client, "grant_type", "client_credentials", "scope", scope),
                    400, "invalid_scope");
            assertThat(answer.json().get("error_description").asString()).contains("client_credentials");
        }
        assertThat(rows(client).tokens()).isZero();
    }

    // ---------------------------------------------------------------- races

    @Test
    void aCodeLockedTooLongByAnotherRequestIsRefusedWithoutA500AndChangesNothing() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String code = codeFor(client, "redirect_uri", CALLBACK);
        Rows before = rows(client);

        // Another transaction holds the code's row, as a first use in progress
        // does, for longer than H2 waits for a lock (2 seconds). The request
        // counts as a second use; the revocation it then tries needs the same
        // row, so it waits and gives up too: refused, with nothing changed.
        Answer answer = new TransactionTemplate(transactionManager).execute(status -> {
            jdbc.update("update grants set used = used where code_hash = ?", Sha256.hex(code));
            return refused(client, () -> codeGrant(client, code), 400, "invalid_grant");
        });

        assertThat(answer.json().get("error_description").asString()).contains("could not be revoked yet");
        assertThat(rows(client)).isEqualTo(before);
        // The holder here was no first use and stored nothing: the code is still good.
        assertThat(codeGrant(client, code).status()).isEqualTo(200);
    }

    @Test
    void oneCodeRedeemedFromEightThreadsGivesOneTokenWhichTheSevenSecondUsesRevoke() throws Exception {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String code = codeFor(client, "redirect_uri", CALLBACK);

        List<Answer> answers = atOnce(8, () -> codeGrant(client, code));

        // Exactly one exchange; the seven others are second uses of the code (RFC 6749 §4.1.2).
        assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(a -> a.status() == 400 && a.error().equals("invalid_grant")).hasSize(7);
        assertThat(rows(client).tokens()).isEqualTo(1);
        assertThat(rows(client).usedCodes()).isEqualTo(1);
        // So the family ends revoked, the one token with it, however the eight interleaved.
        assertThat(rows(client).revokedFamilies()).isEqualTo(1);
        assertThat(rows(client).revokedTokens()).isEqualTo(1);
        JsonNode issued = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow().json();
        assertThat(me("Bearer " + issued.get("access_token").asString()).status()).isEqualTo(401);
        assertThat(token(client, "grant_type", "refresh_token", "refresh_token",
                issued.get("refresh_token").asString()).error()).isEqualTo("invalid_grant");
    }
}
