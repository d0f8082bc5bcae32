package com.example.oauth.oauth1;

import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.example.oauth.common.oauth1.OAuth1Provider;

/**
 * Keeps storage bounded: nonces older than the timestamp window and
 * request tokens past their lifetime are deleted every 10 seconds, so the
 * nonce table never holds much more than one window of requests. The article
 * kept both forever.
 */
@Component
public class OAuth1Housekeeping {

    private final JdbcClient jdbc;
    private final RequestTokenRepository requestTokens;
    private final Clock clock;

    public OAuth1Housekeeping(JdbcClient jdbc, RequestTokenRepository requestTokens, Clock clock) {
        this.jdbc = jdbc;
        this.requestTokens = requestTokens;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${oauth1.purge-interval:PT10S}")
    public void purge() {
        Instant now = clock.instant();
        // A request this old is refused for its timestamp before its nonce is
        // looked at, so its nonce no longer needs remembering.
        jdbc.sql("delete from nonce where timestamp < ?")
                .param(now.minus(OAuth1Provider.TIMESTAMP_WINDOW).getEpochSecond())
                .update();
        requestTokens.deleteExpired(now);
    }
}
