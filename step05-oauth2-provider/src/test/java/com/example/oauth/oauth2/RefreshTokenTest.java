package com.example.oauth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.oauth.common.security.Sha256;

import tools.jackson.databind.JsonNode;

/**
 * The refresh_token grant (RFC 6749 §6) with rotation (RFC 9700 §4.14.2):
 * every refresh gives a new pair and kills the refresh token used; a
 * refresh token used twice revokes its whole grant.
 */
class RefreshTokenTest extends OAuth2Test {

    @Autowired
    PlatformTransactionManager transactionManager;

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
    void oneRefreshTokenUsedFromEightThreadsGivesOnePairWhichTheSevenReusesRevoke() throws Exception {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String refreshToken = tokensFor(client, "profile").get("refresh_token").asString();

        List<Answer> answers = atOnce(8, () -> refresh(client, refreshToken));

        // Exactly one rotation; the seven others are reuses (RFC 9700 §4.14.2).
        assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(a -> a.status() == 400 && a.error().equals("invalid_grant")).hasSize(7);
        assertThat(rows(client).tokens()).isEqualTo(2);
        assertThat(rows(client).rotatedTokens()).isEqualTo(1);
        // So the family ends revoked, the new pair with it, whichever committed first.
        assertThat(rows(client).revokedFamilies()).isEqualTo(1);
        assertThat(rows(client).revokedTokens()).isEqualTo(2);
        JsonNode issued = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow().json();
        assertThat(me(access(issued)).status()).isEqualTo(401);
        assertThat(refresh(client, issued.get("refresh_token").asString()).error()).isEqualTo("invalid_grant");
    }

    @Test
    void aReuseRacingARotationLeavesNoLiveTokenInTheFamily() throws Exception {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        for (int round = 0; round < 5; round++) {
            JsonNode first = tokensFor(client, "profile");
            JsonNode second = refresh(client, first.get("refresh_token").asString()).json();

            // The client rotates its newest refresh token while a thief reuses the old one.
            List<Answer> answers = atOnce(List.of(
                    () -> refresh(client, second.get("refresh_token").asString()),
                    () -> refresh(client, first.get("refresh_token").asString())));

            // The reuse is refused; the rotation may win or lose the race. Either
            // way no token of the family lives on, not even one stored after the
            // revocation.
            assertThat(answers.get(1).status()).isEqualTo(400);
            assertThat(answers.get(1).error()).isEqualTo("invalid_grant");
            for (JsonNode pair : List.of(first, second)) {
                assertThat(me(access(pair)).status()).isEqualTo(401);
            }
            for (Answer answer : answers) {
                if (answer.status() == 200) {
                    assertThat(me(access(answer.json())).status()).isEqualTo(401);
                    assertThat(refresh(client, answer.json().get("refresh_token").asString()).error())
                            .isEqualTo("invalid_grant");
                }
            }
        }
        assertThat(rows(client).revokedFamilies()).isEqualTo(5);
        assertThat(rows(client).revokedTokens()).isEqualTo(rows(client).tokens());
    }

    @Test
    void aRefreshTokenLockedTooLongByAnotherRequestIsAReuseAndRevokesTheFamily() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        JsonNode tokens = tokensFor(client, "profile");
        String hash = Sha256.hex(tokens.get("refresh_token").asString());
        Rows before = rows(client);

        // Another transaction holds the token's row, as a rotation in progress
        // does, for longer than H2 waits for a lock (2 seconds). The request
        // counts as a reuse; the family's flag is on the grant's row, which a
        // rotation does not hold, so the revocation goes through.
        Answer answer = new TransactionTemplate(transactionManager).execute(status -> {
            jdbc.update("update token set refresh_token_used = refresh_token_used where refresh_token_hash = ?",
                    hash);
            return refresh(client, tokens.get("refresh_token").asString());
        });

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.error()).isEqualTo("invalid_grant");
        assertThat(answer.json().get("error_description").asString()).contains("now revoked");
        assertThat(rows(client)).isEqualTo(new Rows(before.codes(), before.usedCodes(), 1, before.tokens(), 1,
                before.rotatedTokens()));
        assertThat(me(access(tokens)).status()).isEqualTo(401);
        assertThat(refresh(client, tokens.get("refresh_token").asString()).error()).isEqualTo("invalid_grant");
    }

    // ---------------------------------------------------------------- the family's end

    @Test
    void theCodeExchangeSetsTheFamilysEndNinetyDaysAhead() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String code = codeFor(client, "redirect_uri", CALLBACK);
        Instant before = Instant.now();

        exchange(client, code, null);

        Instant end = ((OffsetDateTime) jdbc.queryForMap("select family_expires_at from grants where code_hash = ?",
                Sha256.hex(code)).get("FAMILY_EXPIRES_AT")).toInstant();
        assertThat(end).isBetween(before.plus(Duration.ofDays(90)), Instant.now().plus(Duration.ofDays(90)));
    }

    @Test
    void aFamilyPastItsEndIsRefusedHoweverFreshItsRefreshToken() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        JsonNode first = tokensFor(client, "profile");
        // Refreshed a moment ago, so the refresh token has 30 days to go; but the family began 90 days ago.
        JsonNode second = refresh(client, first.get("refresh_token").asString()).json();
        endFamilyOf(second, Instant.now().minusSeconds(1));

        Answer answer = refused(client, () -> refresh(client, second.get("refresh_token").asString()), 400,
                "invalid_grant");

        assertThat(answer.json().get("error_description").asString()).contains("90 days");
        assertThat(post("/oauth/introspect", client, "token", second.get("refresh_token").asString()).json()
                .get("active").asBoolean()).isFalse();
    }

    @Test
    void aRefreshTokenNeverOutlivesItsFamily() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        JsonNode first = tokensFor(client, "profile");
        Instant end = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        endFamilyOf(first, end);

        JsonNode second = refresh(client, first.get("refresh_token").asString()).json();

        // 30 days would pass the family's end: the new refresh token dies with the family.
        JsonNode introspection = post("/oauth/introspect", client, "token", second.get("refresh_token").asString())
                .json();
        assertThat(introspection.get("exp").asLong()).isEqualTo(end.getEpochSecond());
    }

    /** Sets when the family of a token pair ends. */
    private void endFamilyOf(JsonNode tokens, Instant end) {
        jdbc.update("update grants set family_expires_at = ? where id = (select grant_id from token"
                + " where access_token_hash = ?)", Timestamp.from(end), Sha256.hex(tokens.get("access_token")
                .asString()));
    }
}
