package com.example.oauth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.databind.JsonNode;

/**
 * Token revocation (RFC 7009): the client authenticates as at the token
 * endpoint; revoking a token ends its grant; the answer is 200 whether the
 * token was found or not, and another client's token is left alone.
 */
class RevocationTest extends OAuth2Test {

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
    void anotherClientsTokenIsNotRevokedButTheAnswerIsTheSame() {
        RegisteredClient owner = confidentialClient(CALLBACK, "profile");
        RegisteredClient other = confidentialClient(CALLBACK, "profile");
        JsonNode tokens = tokensFor(owner, "profile");
        Rows before = rows(owner);

        Answer answer = revoke(other, "token", tokens.get("access_token").asString());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(rows(owner)).isEqualTo(before);
        assertThat(me(bearer(tokens)).status()).isEqualTo(200);
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
