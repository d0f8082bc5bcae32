package com.example.oauth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.example.oauth.common.security.Sha256;

import okhttp3.Request;
import tools.jackson.databind.JsonNode;

/**
 * Token introspection (RFC 7662). Only a confidential client, with its
 * secret, may ask, and only about its own tokens: anything else, like an
 * unknown or dead token, is {"active": false}.
 */
class IntrospectionTest extends OAuth2Test {

    private JsonNode introspect(RegisteredClient client, String... pairs) {
        Answer answer = post("/oauth/introspect", client, pairs);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        return answer.json();
    }

    private void inactive(RegisteredClient client, String token) {
        assertThat(introspect(client, "token", token).toString()).isEqualTo("{\"active\":false}");
    }

    @Test
    void aLiveAccessTokenIsDescribed() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile email");
        String name = uniqueName("ivy");
        String code = code(loggedInUser(name),
                authorizeUrl(client, "redirect_uri", CALLBACK, "scope", "email profile"));
        JsonNode tokens = exchange(client, code, null);

        JsonNode json = introspect(client, "token", tokens.get("access_token").asString());

        assertThat(json.get("active").asBoolean()).isTrue();
        assertThat(json.get("scope").asString()).isEqualTo("email profile");
        assertThat(json.get("client_id").asString()).isEqualTo(client.id());
        assertThat(json.get("username").asString()).isEqualTo(name);
        assertThat(json.get("sub").asString()).isEqualTo(name);
        assertThat(json.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(json.get("iss").asString()).isEqualTo(provider());
        long iat = json.get("iat").asLong();
        assertThat(json.get("exp").asLong() - iat).isEqualTo(3600);
        assertThat(iat).isBetween(Instant.now().getEpochSecond() - 60, Instant.now().getEpochSecond() + 1);
    }

    @Test
    void aLiveRefreshTokenIsDescribedToo() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        JsonNode tokens = tokensFor(client, "profile");

        JsonNode json = introspect(client, "token", tokens.get("refresh_token").asString(),
                "token_type_hint", "refresh_token");

        assertThat(json.get("active").asBoolean()).isTrue();
        assertThat(json.get("scope").asString()).isEqualTo("profile");
        assertThat(json.has("token_type")).isFalse();
        assertThat(json.get("exp").asLong() - json.get("iat").asLong()).isEqualTo(30 * 24 * 3600);
        // The hint is a hint: an access token said to be a refresh token is still found.
        assertThat(introspect(client, "token", tokens.get("access_token").asString(), "token_type_hint",
                "refresh_token").get("active").asBoolean()).isTrue();
    }

    @Test
    void deadTokensAreInactive() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        JsonNode first = tokensFor(client, "profile");
        // Rotated: the first refresh token is used up (its access token still lives).
        token(client, "grant_type", "refresh_token", "refresh_token", first.get("refresh_token").asString());
        inactive(client, first.get("refresh_token").asString());
        assertThat(introspect(client, "token", first.get("access_token").asString()).get("active").asBoolean())
                .isTrue();

        // Expired.
        jdbc.update("update token set expires_at = ? where access_token_hash = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), Sha256.hex(first.get("access_token").asString()));
        inactive(client, first.get("access_token").asString());

        // Revoked.
        JsonNode other = tokensFor(client, "profile");
        post("/oauth/revoke", client, "token", other.get("access_token").asString());
        inactive(client, other.get("access_token").asString());
        inactive(client, other.get("refresh_token").asString());

        // Unknown.
        inactive(client, "no-such-token");
    }

    @Test
    void aUserNamedLikeAClientIsNotTakenForIt() {
        // Usernames are free-form: a user may take a client's id as name.
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String code = code(loggedInUser(client.id()), authorizeUrl(client, "redirect_uri", CALLBACK));
        String usersToken = exchange(client, code, null).get("access_token").asString();
        String clientsToken = token(client, "grant_type", "client_credentials").json().get("access_token").asString();

        JsonNode user = introspect(client, "token", usersToken);
        JsonNode itself = introspect(client, "token", clientsToken);

        assertThat(user.get("sub").asString()).isEqualTo(client.id());
        assertThat(user.get("username").asString()).isEqualTo(client.id());
        // The client's own token names no subject, so the two cannot be confused.
        assertThat(itself.get("active").asBoolean()).isTrue();
        assertThat(itself.has("sub")).isFalse();
        assertThat(itself.has("username")).isFalse();
        assertThat(itself.get("client_id").asString()).isEqualTo(client.id());
    }

    @Test
    void aClientLearnsNothingOfAnotherClientsTokens() {
        RegisteredClient owner = confidentialClient(CALLBACK, "profile");
        RegisteredClient other = confidentialClient(CALLBACK, "profile");
        JsonNode tokens = tokensFor(owner, "profile");

        inactive(other, tokens.get("access_token").asString());
        inactive(other, tokens.get("refresh_token").asString());
    }

    @Test
    void onlyAnAuthenticatedConfidentialClientMayAsk() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        RegisteredClient publicOne = publicClient(CALLBACK, "profile");
        String accessToken = tokensFor(client, "profile").get("access_token").asString();

        refused(publicOne, () -> post("/oauth/introspect", publicOne, "token", accessToken), 401, "invalid_client");
        refused(client, () -> post("/oauth/introspect", new RegisteredClient(client.id(), "wrong"), "token",
                accessToken), 401, "invalid_client");
        refused(client, () -> send(new Request.Builder().url(provider() + "/oauth/introspect")
                .post(form("token", accessToken)).build()), 401, "invalid_client");
        refused(client, () -> post("/oauth/introspect", client), 400, "invalid_request");
    }
}
