package com.example.oauth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.oauth.common.security.Sha256;

import tools.jackson.databind.JsonNode;

/**
 * This step's storage on its database, through the endpoints: what it
 * keeps of a code and a family, and the use-once rules when requests race,
 * or when another holds a row for longer than H2 waits for a lock (2
 * seconds): then the request is answered, never with a 500.
 */
class DatabaseOAuth2StorageTest extends OAuth2Test {

    @Autowired
    PlatformTransactionManager transactionManager;

    private Answer codeGrant(Registration client, String code) {
        return token(client, "grant_type", "authorization_code", "code", code, "redirect_uri", CALLBACK);
    }

    private Answer refresh(Registration client, JsonNode tokens) {
        return token(client, "grant_type", "refresh_token", "refresh_token", tokens.get("refresh_token").asString());
    }

    /** What a request answers while another transaction holds the rows this SQL touches. */
    private Answer whileHeld(String sql, String hash, Supplier<Answer> request) {
        return new TransactionTemplate(transactionManager).execute(status -> {
            jdbc.update(sql, hash);
            return request.get();
        });
    }

    @Test
    void aCodeIsStoredAsAHashBoundToWhatWasAskedAndItsFamilyEndsNinetyDaysOn() {
        Registration client = publicClient(CALLBACK, "profile email");
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
        exchange(client, code, verifier);
        assertThat(instant(jdbc.queryForMap(sql, Sha256.hex(code)), "FAMILY_EXPIRES_AT"))
                .isBetween(Instant.now().plus(Duration.ofDays(90)).minusSeconds(60), Instant.now().plus(Duration.ofDays(90)));
    }

    private static Instant instant(Map<String, Object> row, String column) {
        return ((java.time.OffsetDateTime) row.get(column)).toInstant();
    }

    @Test
    void aRefreshTokenNeverOutlivesItsFamily() {
        Registration client = confidentialClient(CALLBACK, "profile");
        JsonNode first = tokensFor(client, "profile");
        Instant end = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        jdbc.update("update grants set family_expires_at = ? where id = (select grant_id from token"
                + " where access_token_hash = ?)", Timestamp.from(end), Sha256.hex(first.get("access_token").asString()));

        JsonNode second = refresh(client, first).json();

        // 30 days would pass the family's end: the new refresh token dies with the family.
        assertThat(post("/oauth/introspect", client, "token", second.get("refresh_token").asString()).json()
                .get("exp").asLong()).isEqualTo(end.getEpochSecond());
    }

    @Test
    void oneCodeRedeemedFromEightThreadsGivesOneTokenWhichTheSevenSecondUsesRevoke() throws Exception {
        Registration client = confidentialClient(CALLBACK, "profile");
        String code = codeFor(client, "redirect_uri", CALLBACK);

        List<Answer> answers = atOnce(8, () -> codeGrant(client, code));

        // Exactly one exchange; the seven others are second uses of the code (RFC 6749 §4.1.2).
        assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(a -> a.status() == 400 && a.error().equals("invalid_grant")).hasSize(7);
        // So the family ends revoked, the one token with it, however the eight interleaved.
        assertThat(rows(client)).isEqualTo(new Rows(1, 1, 1, 1, 1, 0));
        JsonNode issued = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow().json();
        assertThat(me(bearer(issued)).status()).isEqualTo(401);
        assertThat(refresh(client, issued).error()).isEqualTo("invalid_grant");
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
}
