package com.example.oauth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.example.oauth.common.security.Sha256;

import tools.jackson.databind.JsonNode;

/** Storage stays bounded: codes and tokens expired for more than the grace hour are purged. */
class OAuth2HousekeepingTest extends OAuth2Test {

    @Autowired
    OAuth2Housekeeping housekeeping;

    /** Two hours ago: past the grace hour. */
    private static Timestamp longAgo() {
        return Timestamp.from(Instant.now().minus(OAuth2Housekeeping.GRACE.multipliedBy(2)));
    }

    private void expireCode(String code) {
        jdbc.update("update grants set expires_at = ? where code_hash = ?", longAgo(), Sha256.hex(code));
    }

    @Test
    void expiredCodesAndTokensArePurgedAndLiveOnesKept() {
        Registration client = confidentialClient(CALLBACK, "profile");
        // A code never used, expired: purged.
        expireCode(codeFor(client, "redirect_uri", CALLBACK));
        // A code used, expired, whose token has expired entirely: both purged.
        String deadCode = codeFor(client, "redirect_uri", CALLBACK);
        JsonNode dead = exchange(client, deadCode, null);
        expireCode(deadCode);
        jdbc.update("update token set expires_at = ?, refresh_expires_at = ? where access_token_hash = ?",
                longAgo(), longAgo(), Sha256.hex(dead.get("access_token").asString()));
        // A code used, expired, whose access token has expired but whose refresh token lives: both kept,
        // so that a second use of the code could still revoke it.
        String liveCode = codeFor(client, "redirect_uri", CALLBACK);
        JsonNode live = exchange(client, liveCode, null);
        expireCode(liveCode);
        jdbc.update("update token set expires_at = ? where access_token_hash = ?", longAgo(),
                Sha256.hex(live.get("access_token").asString()));
        // A fresh code, and one expired a second ago (within the grace hour): kept.
        codeFor(client, "redirect_uri", CALLBACK);
        String late = codeFor(client, "redirect_uri", CALLBACK);
        jdbc.update("update grants set expires_at = ? where code_hash = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), Sha256.hex(late));

        housekeeping.purge();

        assertThat(rows(client).codes()).isEqualTo(3);
        assertThat(rows(client).tokens()).isEqualTo(1);
        assertThat(token(client, "grant_type", "refresh_token", "refresh_token",
                live.get("refresh_token").asString()).status()).isEqualTo(200);
    }
}
