package com.example.oauth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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
 * Token revocation (RFC 7009): the client authenticates as at the token
 * endpoint; revoking a token ends its grant; the answer is 200 whether the
 * token was found or not, and another client's live token is refused and
 * left alone.
 */
class RevocationTest extends OAuth2Test {

    @Autowired
    PlatformTransactionManager transactionManager;

    private Answer revoke(RegisteredClient client, String... pairs) {
        return post("/oauth/revoke", client, pairs);
    }

    private static String bearer(JsonNode json) {
        return "Bearer " + json.get("access_token").asString();
    }

    @Test
    void revokingAnAccessTokenEndsItsGrant() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        JsonNode tokens = tokensFor(client, "profile");

        Answer answer = revoke(client, "token", tokens.get("access_token").asString());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
        assertThat(me(bearer(tokens)).status()).isEqualTo(401);
        assertThat(token(client, "grant_type", "refresh_token", "refresh_token",
                tokens.get("refresh_token").asString()).error()).isEqualTo("invalid_grant");
        assertThat(rows(client).revokedTokens()).isEqualTo(1);
    }

    @Test
    void revokingARefreshTokenRevokesEveryAccessTokenOfItsGrant() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        JsonNode first = tokensFor(client, "profile");
        JsonNode second = token(client, "grant_type", "refresh_token", "refresh_token",
                first.get("refresh_token").asString()).json();
        assertThat(me(bearer(first)).status()).isEqualTo(200);

        Answer answer = revoke(client, "token", second.get("refresh_token").asString(),
                "token_type_hint", "refresh_token");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(me(bearer(first)).status()).isEqualTo(401);
        assertThat(me(bearer(second)).status()).isEqualTo(401);
        assertThat(rows(client).revokedTokens()).isEqualTo(2);
    }

    @Test
    void theHintIsOnlyAHint() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        JsonNode tokens = tokensFor(client, "profile");

        // An access token, said to be a refresh token; an unknown hint is no error either.
        assertThat(revoke(client, "token", tokens.get("access_token").asString(), "token_type_hint",
                "refresh_token").status()).isEqualTo(200);
        assertThat(me(bearer(tokens)).status()).isEqualTo(401);
        assertThat(revoke(client, "token", "x", "token_type_hint", "something_else").status()).isEqualTo(200);
    }

    @Test
    void anUnknownTokenIsFineAndChangesNothing() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        tokensFor(client, "profile");
        Rows before = rows(client);

        Answer answer = revoke(client, "token", "no-such-token");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(rows(client)).isEqualTo(before);
    }

    @Test
    void anotherClientsLiveTokenIsRefusedAndKeepsWorking() {
        RegisteredClient owner = confidentialClient(CALLBACK, "profile");
        RegisteredClient other = confidentialClient(CALLBACK, "profile");
        JsonNode tokens = tokensFor(owner, "profile");
        Rows before = rows(owner);

        Answer access = revoke(other, "token", tokens.get("access_token").asString());
        Answer refresh = revoke(other, "token", tokens.get("refresh_token").asString(),
                "token_type_hint", "refresh_token");

        // RFC 7009 Section 2.1: the request is refused and the client told so.
        for (Answer answer : List.of(access, refresh)) {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.error()).isEqualTo("invalid_grant");
            assertThat(answer.json().get("error_description").asString()).contains("another client");
            assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        }
        assertThat(rows(owner)).isEqualTo(before);
        assertThat(me(bearer(tokens)).status()).isEqualTo(200);
    }

    @Test
    void anotherClientsDeadTokenIsAnsweredAsAnUnknownOne() {
        RegisteredClient owner = confidentialClient(CALLBACK, "profile");
        RegisteredClient other = confidentialClient(CALLBACK, "profile");
        JsonNode tokens = tokensFor(owner, "profile");
        assertThat(revoke(owner, "token", tokens.get("access_token").asString()).status()).isEqualTo(200);
        Rows before = rows(owner);

        Answer answer = revoke(other, "token", tokens.get("access_token").asString());

        // RFC 7009 Section 2.2: an invalid token needs no revoking.
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
        assertThat(rows(owner)).isEqualTo(before);
    }

    @Test
    void aRevocationThatCannotLockTheGrantIsA503AndChangesNothing() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        JsonNode tokens = tokensFor(client, "profile");
        String accessToken = tokens.get("access_token").asString();

        // Another transaction holds the grant's row, as a code exchange in
        // progress does, for longer than H2 waits for a lock (2 seconds).
        Answer answer = new TransactionTemplate(transactionManager).execute(status -> {
            jdbc.update("update grants set revoked = revoked where id = (select grant_id from token"
                    + " where access_token_hash = ?)", Sha256.hex(accessToken));
            return refused(client, () -> revoke(client, "token", accessToken), 503, "temporarily_unavailable");
        });

        // RFC 7009 §2.2.1: the client must assume the token still lives, and try again.
        assertThat(answer.header("Retry-After")).isEqualTo("1");
        assertThat(me(bearer(tokens)).status()).isEqualTo(200);
        assertThat(revoke(client, "token", accessToken).status()).isEqualTo(200);
        assertThat(me(bearer(tokens)).status()).isEqualTo(401);
    }

    @Test
    void aRevocationRacingARefreshLeavesNoLiveTokenInTheFamily() throws Exception {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        for (int round = 0; round < 5; round++) {
            JsonNode tokens = tokensFor(client, "profile");

            List<Answer> answers = atOnce(List.of(
                    () -> token(client, "grant_type", "refresh_token", "refresh_token",
                            tokens.get("refresh_token").asString()),
                    () -> revoke(client, "token", tokens.get("access_token").asString())));

            // The revocation is done; the refresh may have come first or not: no token it
            // gave lives on.
            assertThat(answers.get(1).status()).isEqualTo(200);
            assertThat(me(bearer(tokens)).status()).isEqualTo(401);
            if (answers.get(0).status() == 200) {
                assertThat(me(bearer(answers.get(0).json())).status()).isEqualTo(401);
            } else {
                assertThat(answers.get(0).error()).isEqualTo("invalid_grant");
            }
        }
        assertThat(rows(client).revokedFamilies()).isEqualTo(5);
        assertThat(rows(client).revokedTokens()).isEqualTo(rows(client).tokens());
    }

    @Test
    void aPublicClientRevokesWithItsClientIdAlone() {
        RegisteredClient client = publicClient(CALLBACK, "profile");
        String verifier = newVerifier();
        String code = code(loggedInUser(uniqueName("p")), authorizeUrl(client, "redirect_uri", CALLBACK,
                "code_challenge", challengeOf(verifier), "code_challenge_method", "S256"));
        JsonNode tokens = exchange(client, code, verifier);

        assertThat(revoke(client, "token", tokens.get("refresh_token").asString()).status()).isEqualTo(200);

        assertThat(me(bearer(tokens)).status()).isEqualTo(401);
    }

    @Test
    void theClientMustAuthenticate() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        JsonNode tokens = tokensFor(client, "profile");
        String accessToken = tokens.get("access_token").asString();

        refused(client, () -> revoke(new RegisteredClient(client.id(), "wrong"), "token", accessToken), 401,
                "invalid_client");
        refused(client, () -> send(new Request.Builder().url(provider() + "/oauth/revoke")
                .post(form("token", accessToken)).build()), 401, "invalid_client");
        assertThat(me(bearer(tokens)).status()).isEqualTo(200);
    }

    @Test
    void aMissingTokenOrANonFormBodyIsAnInvalidRequest() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");

        refused(client, () -> revoke(client), 400, "invalid_request");
        refused(client, () -> send(new Request.Builder().url(provider() + "/oauth/revoke")
                .header("Authorization", basic(client.id(), client.secret()))
                .post(RequestBody.create("{\"token\":\"x\"}", MediaType.get("application/json"))).build()),
                400, "invalid_request");
    }

    @Test
    void aGetIsNotAllowed() {
        Answer answer = send(new Request.Builder().url(provider() + "/oauth/revoke?token=x").build());

        assertThat(answer.status()).isEqualTo(405);
    }
}
