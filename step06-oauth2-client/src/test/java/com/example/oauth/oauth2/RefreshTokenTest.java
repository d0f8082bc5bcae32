package com.example.oauth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.example.oauth.common.security.Sha256;

import tools.jackson.databind.JsonNode;

/**
 * The refresh_token grant (RFC 6749 §6) with rotation (RFC 9700 §4.14.2):
 * every refresh gives a new pair and kills the refresh token used; a
 * refresh token used twice revokes its whole grant.
 */
class RefreshTokenTest extends OAuth2Test {

    private Answer refresh(RegisteredClient client, String refreshToken, String... more) {
        List<String> pairs = new java.util.ArrayList<>(List.of("grant_type", "refresh_token",
                "refresh_token", refreshToken));
        pairs.addAll(List.of(more));
        return token(client, pairs.toArray(String[]::new));
    }

    private static String access(JsonNode json) {
        return "Bearer " + json.get("access_token").asString();
    }

    @Test
    void aRefreshGivesANewPairAndUsesUpTheOldRefreshToken() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        JsonNode first = tokensFor(client, "profile");

        Answer answer = refresh(client, first.get("refresh_token").asString());

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        JsonNode second = answer.json();
        assertThat(second.get("refresh_token").asString()).isNotEqualTo(first.get("refresh_token").asString());
        assertThat(me(access(second)).status()).isEqualTo(200);
        assertThat(rows(client).tokens()).isEqualTo(2);
        assertThat(rows(client).rotatedTokens()).isEqualTo(1);
    }

    @Test
    void aRotatedRefreshTokenUsedAgainRevokesTheWholeGrant() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        JsonNode first = tokensFor(client, "profile");
        JsonNode second = refresh(client, first.get("refresh_token").asString()).json();
        JsonNode third = refresh(client, second.get("refresh_token").asString()).json();
        Rows before = rows(client);

        // The first refresh token, used a second time: stolen, or copied.
        Answer reuse = refresh(client, first.get("refresh_token").asString());

        assertThat(reuse.status()).isEqualTo(400);
        assertThat(reuse.error()).isEqualTo("invalid_grant");
        assertThat(reuse.json().get("error_description").asString()).contains("already used");
        assertThat(rows(client).tokens()).isEqualTo(before.tokens());
        assertThat(rows(client).revokedTokens()).isEqualTo(before.tokens());
        // Even the newest pair, which the thief may hold, is dead.
        assertThat(me(access(third)).status()).isEqualTo(401);
        assertThat(refresh(client, third.get("refresh_token").asString()).error()).isEqualTo("invalid_grant");
    }

    @Test
    void aRefreshMayNarrowTheScopeAndTheGrantKeepsItsOwn() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile email");
        JsonNode first = tokensFor(client, "profile email");

        JsonNode narrow = refresh(client, first.get("refresh_token").asString(), "scope", "email").json();
        assertThat(narrow.get("scope").asString()).isEqualTo("email");
        assertThat(me(access(narrow)).status()).isEqualTo(403);

        // The new refresh token still carries every scope the user granted (RFC 6749 §6).
        JsonNode wide = refresh(client, narrow.get("refresh_token").asString()).json();
        assertThat(wide.get("scope").asString()).isEqualTo("profile email");
        assertThat(me(access(wide)).status()).isEqualTo(200);
    }

    @Test
    void aRefreshCannotWidenTheScope() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile email");
        JsonNode first = tokensFor(client, "profile");

        refused(client, () -> refresh(client, first.get("refresh_token").asString(), "scope", "profile email"),
                400, "invalid_scope");
        refused(client, () -> refresh(client, first.get("refresh_token").asString(), "scope", "admin"), 400,
                "invalid_scope");
        // Refused requests used nothing up.
        assertThat(refresh(client, first.get("refresh_token").asString()).status()).isEqualTo(200);
    }

    @Test
    void aMissingUnknownOrForeignRefreshTokenIsRefused() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        RegisteredClient other = confidentialClient(CALLBACK, "profile");
        JsonNode tokens = tokensFor(client, "profile");

        refused(client, () -> token(client, "grant_type", "refresh_token"), 400, "invalid_request");
        refused(client, () -> refresh(client, "made-up"), 400, "invalid_grant");
        // An access token is no refresh token.
        refused(client, () -> refresh(client, tokens.get("access_token").asString()), 400, "invalid_grant");
        // Another client's refresh token: refused, and nothing revoked.
        refused(client, () -> refresh(other, tokens.get("refresh_token").asString()), 400, "invalid_grant");
        assertThat(refresh(client, tokens.get("refresh_token").asString()).status()).isEqualTo(200);
    }

    @Test
    void anExpiredRefreshTokenIsRefused() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        JsonNode tokens = tokensFor(client, "profile");
        jdbc.update("update token set refresh_expires_at = ? where refresh_token_hash = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), Sha256.hex(tokens.get("refresh_token").asString()));

        Answer answer = refused(client, () -> refresh(client, tokens.get("refresh_token").asString()), 400,
                "invalid_grant");

        assertThat(answer.json().get("error_description").asString()).contains("expired");
    }

    @Test
    void oneRefreshTokenUsedFromManyThreadsGivesExactlyOneNewPair() throws Exception {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String refreshToken = tokensFor(client, "profile").get("refresh_token").asString();

        List<Answer> answers = atOnce(8, () -> refresh(client, refreshToken));

        assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(a -> a.status() == 400 && a.error().equals("invalid_grant")).hasSize(7);
        assertThat(rows(client).tokens()).isEqualTo(2);
        assertThat(rows(client).rotatedTokens()).isEqualTo(1);
        // The seven others presented a used refresh token: the grant is revoked, the new pair with it.
        JsonNode issued = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow().json();
        assertThat(me(access(issued)).status()).isEqualTo(401);
        assertThat(rows(client).revokedTokens()).isEqualTo(2);
    }
}
