package com.example.oauth.oauth1;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.example.oauth.ProviderApplication;
import com.example.oauth.common.oauth1.OAuth1Provider;
import com.example.oauth.common.testing.AtOnce;
import com.example.oauth.common.testing.Browser;
import com.example.oauth.common.testing.OAuth1ProviderTest;
import com.example.oauth.common.testing.TwoInstances;
import com.example.oauth.common.testing.TwoInstances.Instance;
import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuth1RequestToken;

import okhttp3.Request;

/**
 * Two instances of the provider in the postgres profile, on one PostgreSQL
 * database, as behind a load balancer: whichever instance a request lands
 * on, the user, the client and the tokens are the same, and a nonce used on
 * one is used on both.
 */
class TwoInstancesTest extends OAuth1ProviderTest {

    private static TwoInstances instances;

    private Instance target;

    @BeforeAll
    static void startBoth() {
        instances = TwoInstances.of(ProviderApplication.class);
    }

    @BeforeEach
    void onA() {
        target = instances.a();
    }

    @Override
    protected String provider() {
        return target.url();
    }

    @Test
    void aDanceWhoseRequestsAlternateAndAReplayToTheOtherInstance() throws Exception {
        Credentials client = registerClient(CALLBACK, "profile");
        String name = uniqueName("alice");
        OAuth1RequestToken requestToken = scribe(client, CALLBACK, null).getRequestToken();
        Browser user = loggedInUser(name);
        // The session (who is logged in, the CSRF token) is in the database: B knows the user.
        target = instances.b();
        String verifier = queryParameter(consent(user, requestToken.getToken(), "yes").location(), "oauth_verifier");
        target = instances.a();
        OAuth1AccessToken token = scribe(client, CALLBACK, null).getAccessToken(requestToken, verifier);
        for (Instance instance : instances.both()) {
            target = instance;
            Answer me = send(signed("GET", "/api/me", client).token(token.getToken(), token.getTokenSecret()).build());
            assertThat(me.body()).isEqualTo("{\"username\":\"" + name + "\"}");
        }

        // Signed for the address both instances stand behind (here, A's): a
        // balancer passes the Host header on, so B checks the same signature.
        target = instances.a();
        Request signed = signed("GET", "/api/me", client).token(token.getToken(), token.getTokenSecret()).build();
        Request replayed = signed.newBuilder().url(instances.b().url() + "/api/me")
                .header("Host", "127.0.0.1:" + instances.a().port()).build();
        assertThat(send(signed).status()).isEqualTo(200);
        assertThat(send(replayed).form()).containsEntry("oauth_problem", "nonce_used");
    }

    @Test
    void oneVerifierExchangedEightTimesAtOnceOnBothGivesOneAccessTokenAndKeepsOnlyTheWinnersNonce() throws Exception {
        JdbcTemplate jdbc = instances.jdbc();
        Credentials client = registerClient(CALLBACK, "profile");
        OAuth1RequestToken requestToken = scribe(client, CALLBACK, null).getRequestToken();
        String verifier = queryParameter(consent(loggedInUser(uniqueName("race")), requestToken.getToken(), "yes")
                .location(), "oauth_verifier");
        long nonces = jdbc.queryForObject("select count(*) from nonce where client_key = ?", Long.class, client.key());
        List<Callable<Integer>> exchanges = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            target = i % 2 == 0 ? instances.a() : instances.b();
            Request request = signed("POST", "/oauth/access_token", client) // each with its own nonce
                    .token(requestToken.getToken(), requestToken.getTokenSecret())
                    .oauth("oauth_verifier", verifier).build();
            exchanges.add(() -> send(request).status());
        }

        List<Integer> statuses = AtOnce.call(exchanges);

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 401).hasSize(7);
        assertThat(jdbc.queryForObject("select count(*) from access_token t join client c on c.id = t.client_id"
                + " where c.client_key = ?", Long.class, client.key())).isEqualTo(1);
        // The losers' nonces went with the rest of their transaction.
        assertThat(jdbc.queryForObject("select count(*) from nonce where client_key = ?", Long.class, client.key()))
                .isEqualTo(nonces + 1);
    }

    @Test
    void bothInstancesPurgingAtOnceLoseNoLiveRowAndLeaveNoExpiredOne() throws Exception {
        JdbcTemplate jdbc = instances.jdbc();
        Credentials client = registerClient(CALLBACK, "profile");
        long clientRow = jdbc.queryForObject("select id from client where client_key = ?", Long.class, client.key());
        long now = Instant.now().getEpochSecond();
        long old = now - 2 * OAuth1Provider.TIMESTAMP_WINDOW.getSeconds();
        // 2,000 nonces and 300 request tokens out of date, 20 of each alive.
        jdbc.update("insert into nonce (client_key, timestamp, nonce, token) select ?, case when n < 2000 then ?"
                + " else ? end, 'n' || n, '' from generate_series(0, 2019) n", client.key(), old, now);
        jdbc.update("insert into request_token (token, token_secret, client_id, callback, realms, expires_at)"
                + " select cast(? as varchar) || n, 'secret', ?, ?, 'profile', now() + case when n < 300"
                + " then interval '-1 minute' else interval '10 minutes' end from generate_series(0, 319) n",
                client.key() + "-", clientRow, CALLBACK);

        // Every instance runs the purge on its own schedule; here both at the same moment, three times.
        for (int round = 0; round < 3; round++) {
            instances.atOnce(instance -> instance.bean(OAuth1Housekeeping.class).purge());
        }

        assertThat(jdbc.queryForObject("select count(*) from nonce where client_key = ? and timestamp = ?",
                Long.class, client.key(), now)).isEqualTo(20);
        assertThat(jdbc.queryForObject("select count(*) from nonce where client_key = ?", Long.class,
                client.key())).isEqualTo(20);
        assertThat(jdbc.queryForObject("select count(*) from request_token where client_id = ? and expires_at > ?",
                Long.class, clientRow, Timestamp.from(Instant.now()))).isEqualTo(20);
        assertThat(jdbc.queryForObject("select count(*) from request_token where client_id = ?", Long.class,
                clientRow)).isEqualTo(20);
    }
}
