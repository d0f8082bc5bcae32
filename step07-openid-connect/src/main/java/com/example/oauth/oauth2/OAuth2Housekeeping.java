package com.example.oauth.oauth2;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps storage bounded: every minute, deletes the tokens whose access and
 * refresh tokens have both expired, then the expired codes from which no
 * token remains. The article kept both forever.
 */
@Component
public class OAuth2Housekeeping {

    /**
     * How long an expired code or token is kept before it is deleted, so
     * that a late request is told "expired" rather than "unknown".
     */
    static final Duration GRACE = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    public OAuth2Housekeeping(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${oauth2.purge-interval:PT1M}")
    public void purge() {
        Instant expiredBefore = clock.instant().minus(GRACE);
        // Tokens first: a code is kept while a token of its family is, so that
        // a second use of the code can still revoke them.
        jdbc.sql("""
                        delete from token
                        where expires_at < ? and (refresh_expires_at is null or refresh_expires_at < ?)""")
                .params(DatabaseOAuth2Storage.utc(expiredBefore), DatabaseOAuth2Storage.utc(expiredBefore))
                .update();
        jdbc.sql("""
                        delete from grants g
                        where g.expires_at < ? and not exists (select 1 from token t where t.grant_id = g.id)""")
                .param(DatabaseOAuth2Storage.utc(expiredBefore))
                .update();
    }
}
