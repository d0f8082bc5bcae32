package com.example.oauth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.example.oauth.common.security.Sha256;

import tools.jackson.databind.JsonNode;

/**
 * This step's storage on its database, through the endpoints: what it
 * keeps of a code and a family, what its housekeeping purges, and the
 * use-once rules when requests race, or when another holds a row for longer
 * than H2 waits for a lock (2 seconds): then the request is answered, never
 * with a 500. (Eight requests for one code or one refresh token:
 * TwoInstancesTest, on PostgreSQL.)
 */
class DatabaseOAuth2StorageTest extends OAuth2Test {

    @Autowired
    OAuth2Housekeeping housekeeping;

    @Test
    void aCodeIsStoredAsAHashBoundToWhatWasAskedAndItsFamilyEndsWhereTheGrantSays() {
        Registration client = confidentialClient(CALLBACK, "profile email");
        String verifier = newVerifier();
        String name = uniqueName("bound");
        String code = code(loggedInUser(name), authorizeUrl(client, "redirect_uri", CALLBACK, "scope", "email",
                "code_challenge", challengeOf(verifier), "code_challenge_method", "S256"));
        String sql = "select g.*, u.username from grants g join users u on u.id = g.user_id where code_hash = ?";

        Map<String, Object> row = jdbc.queryForMap(sql, Sha256.hex(code));

        assertThat(row).containsEntry("USERNAME", name).containsEntry("REDIRECT_URI", CALLBACK)
                .containsEntry("SCOPES", "email").containsEntry("CODE_CHALLENGE", challengeOf(verifier));
        assertThat(row.values()).doesNotContain(code);
        // 5 minutes, give or take the test's own time.
        assertThat(instant(row, "EXPIRES_AT")).isBetween(Instant.now().plusSeconds(240), Instant.now().plusSeconds(301));
        JsonNode first = exchange(client, code, verifier);
        assertThat(instant(jdbc.queryForMap(sql, Sha256.hex(code)), "FAMILY_EXPIRES_AT"))
                .isBetween(Instant.now().plus(Duration.ofDays(90)).minusSeconds(60), Instant.now().plus(Duration.ofDays(90)));

        // Read back from the grant: a refresh token never outlives the family (30 days would pass it here).
        Instant end = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        jdbc.update("update grants set family_expires_at = ? where code_hash = ?", Timestamp.from(end),
                Sha256.hex(code));
        String refreshToken = refresh(client, first).json().get("refresh_token").asString();
        assertThat(post("/oauth/introspect", client, "token", refreshToken).json().get("exp").asLong())
                .isEqualTo(end.getEpochSecond());
    }

    private static Instant instant(Map<String, Object> row, String column) {
        return ((java.time.OffsetDateTime) row.get(column)).toInstant();
    }

    @Test
    void aCodeHeldByAnotherRequestIsASecondUseThatCannotRevokeYet() {
        Registration client = confidentialClient(CALLBACK, "profile");
        String code = codeFor(client, "redirect_uri", CALLBACK);

        // As a first use in progress holds it. The revocation needs the same row, so it gives up too.
        Answer answer = whileHeld("update grants set used = used where code_hash = ?", Sha256.hex(code),
                () -> refused(client, () -> codeGrant(client, code), 400, "invalid_grant"));

        assertThat(answer.json().get("error_description").asString()).contains("could not be revoked yet");
        // The holder here was no first use and stored nothing: the code is still good.
        assertThat(codeGrant(client, code).status()).isEqualTo(200);
    }

    @Test
    void aRefreshTokenHeldByAnotherRequestIsAReuseAndRevokesTheFamily() {
        Registration client = confidentialClient(CALLBACK, "profile");
        JsonNode tokens = tokensFor(client, "profile");
        Rows before = rows(client);

        // As a rotation in progress holds it. The family's flag is on the
        // grant's row, which a rotation does not hold: the revocation goes through.
        Answer answer = whileHeld("update token set refresh_token_used = refresh_token_used"
                + " where refresh_token_hash = ?", Sha256.hex(tokens.get("refresh_token").asString()),
                () -> refresh(client, tokens));

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("error_description").asString()).contains("now revoked");
        assertThat(rows(client)).isEqualTo(new Rows(before.codes(), before.usedCodes(), 1, before.tokens(), 1,
                before.rotatedTokens()));
        assertThat(me(bearer(tokens)).status()).isEqualTo(401);
    }

    @Test
    void aRevocationThatCannotLockTheFamilyIsA503AndChangesNothing() {
        Registration client = confidentialClient(CALLBACK, "profile");
        JsonNode tokens = tokensFor(client, "profile");
        String accessToken = tokens.get("access_token").asString();

        // As a code exchange in progress holds the grant's row.
        whileHeld("update grants set revoked = revoked where id = (select grant_id from token"
                + " where access_token_hash = ?)", Sha256.hex(accessToken), () -> refused(client,
                        () -> post("/oauth/revoke", client, "token", accessToken), 503, "temporarily_unavailable"));

        // RFC 7009 §2.2.1: the client must assume the token still lives, and try again.
        assertThat(me(bearer(tokens)).status()).isEqualTo(200);
        assertThat(post("/oauth/revoke", client, "token", accessToken).status()).isEqualTo(200);
        assertThat(me(bearer(tokens)).status()).isEqualTo(401);
    }

    @Test
    void aReuseOrARevocationRacingARefreshLeavesNoLiveTokenInTheFamily() throws Exception {
        Registration client = confidentialClient(CALLBACK, "profile");
        for (int round = 0; round < 10; round++) {
            JsonNode first = tokensFor(client, "profile");
            JsonNode second = refresh(client, first).json();

            // The client refreshes while a thief reuses the old refresh token, or
            // while the client itself revokes the family.
            List<Answer> answers = atOnce(List.of(() -> refresh(client, second), round % 2 == 0
                    ? () -> refresh(client, first)
                    : () -> post("/oauth/revoke", client, "token", second.get("access_token").asString())));

            // The refresh may win or lose the race. Either way no token of the
            // family lives on, not even one stored after the revocation.
            assertThat(answers.get(1).status()).isEqualTo(round % 2 == 0 ? 400 : 200);
            for (JsonNode pair : List.of(first, second)) {
                assertThat(me(bearer(pair)).status()).isEqualTo(401);
            }
            if (answers.get(0).status() == 200) {
                assertThat(me(bearer(answers.get(0).json())).status()).isEqualTo(401);
            } else {
                assertThat(answers.get(0).error()).isEqualTo("invalid_grant");
            }
        }
        assertThat(rows(client).revokedFamilies()).isEqualTo(10);
        assertThat(rows(client).revokedTokens()).isEqualTo(rows(client).tokens());
    }

    @Test
    void codesAndTokensExpiredForMoreThanTheGraceHourArePurgedAndTheOthersKept() {
        Registration client = confidentialClient(CALLBACK, "profile");
        Timestamp longAgo = Timestamp.from(Instant.now().minus(OAuth2Housekeeping.GRACE.multipliedBy(2)));
        String expireCode = "update grants set expires_at = ? where code_hash = ?";
        // A code never used, expired: purged.
        jdbc.update(expireCode, longAgo, Sha256.hex(codeFor(client, "redirect_uri", CALLBACK)));
        // A code used, expired, whose token has expired entirely: both purged.
        String deadCode = codeFor(client, "redirect_uri", CALLBACK);
        JsonNode dead = exchange(client, deadCode, null);
        jdbc.update(expireCode, longAgo, Sha256.hex(deadCode));
        jdbc.update("update token set expires_at = ?, refresh_expires_at = ? where access_token_hash = ?",
                longAgo, longAgo, Sha256.hex(dead.get("access_token").asString()));
        // A code used, expired, whose access token has expired but whose refresh token lives: both kept,
        // so that a second use of the code could still revoke it.
        String liveCode = codeFor(client, "redirect_uri", CALLBACK);
        JsonNode live = exchange(client, liveCode, null);
        jdbc.update(expireCode, longAgo, Sha256.hex(liveCode));
        jdbc.update("update token set expires_at = ? where access_token_hash = ?", longAgo,
                Sha256.hex(live.get("access_token").asString()));
        // A fresh code, and one expired a second ago (within the grace hour): kept.
        codeFor(client, "redirect_uri", CALLBACK);
        jdbc.update(expireCode, Timestamp.from(Instant.now().minusSeconds(1)),
                Sha256.hex(codeFor(client, "redirect_uri", CALLBACK)));

        housekeeping.purge();

        assertThat(rows(client).codes()).isEqualTo(3);
        assertThat(rows(client).tokens()).isEqualTo(1);
        assertThat(refresh(client, live).status()).isEqualTo(200);
    }
}
