package com.example.oauth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.oauth.ProviderApplication;
import com.example.oauth.common.testing.Browser;
import com.example.oauth.common.testing.Browser.Page;
import com.example.oauth.common.testing.TwoInstances;
import com.example.oauth.common.testing.TwoInstances.Instance;

import tools.jackson.databind.JsonNode;

/**
 * Two instances of the provider in the postgres profile, on one PostgreSQL
 * database, as behind a load balancer: whichever instance a request lands
 * on, the user, the client and the tokens are the same, and every
 * use-once rule holds across them as it does on H2 in one process.
 */
class TwoInstancesTest extends OAuth2Test {

    private static TwoInstances instances;

    /** The instance this thread's requests go to (the helpers of OAuth2Test call provider()). */
    private static final ThreadLocal<Instance> TARGET = new ThreadLocal<>();

    @BeforeAll
    static void startBoth() {
        instances = TwoInstances.of(ProviderApplication.class);
    }

    @BeforeEach
    void countOnPostgres() {
        jdbc = instances.jdbc();
        TARGET.set(instances.a());
    }

    @Override
    protected String provider() {
        return TARGET.get().url();
    }

    private void on(Instance instance) {
        TARGET.set(instance);
    }

    /** This request, sent to that instance, from whichever thread. */
    private Supplier<Answer> on(Instance instance, Supplier<Answer> request) {
        return () -> {
            TARGET.set(instance);
            return request.get();
        };
    }

    /** Eight copies of a request, sent at once, four to each instance. */
    private List<Answer> eightOverBoth(Supplier<Answer> request) throws Exception {
        List<Supplier<Answer>> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(on(i % 2 == 0 ? instances.a() : instances.b(), request));
        }
        return atOnce(requests);
    }

    private Answer refresh(Registration client, String refreshToken) {
        return token(client, "grant_type", "refresh_token", "refresh_token", refreshToken);
    }

    /**
     * Exactly one of eight answers got tokens; the seven others were second
     * uses (RFC 6749 §4.1.2, RFC 9700 §4.14.2), which revoked the winner's
     * tokens too: dead on both instances, however the eight interleaved.
     */
    private void oneWinnerRevokedByTheSevenOthers(Registration client, List<Answer> answers) {
        assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(a -> a.status() == 400 && a.error().equals("invalid_grant")).hasSize(7);
        JsonNode issued = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow().json();
        for (Instance instance : instances.both()) {
            on(instance);
            assertThat(me(bearer(issued)).status()).isEqualTo(401);
        }
        assertThat(refresh(client, issued.get("refresh_token").asString()).error()).isEqualTo("invalid_grant");
    }

    @Test
    void aDanceWhoseRequestsAlternateBetweenTheInstances() {
        Registration client = confidentialClient(CALLBACK, "profile");
        String name = uniqueName("alice");
        Browser user = new Browser();

        on(instances.a());
        Page home = user.get(provider() + "/");
        String anonymous = user.cookie("SESSION");
        Page loggedIn = user.post(provider() + "/", Map.of("username", name, "_csrf", home.csrfToken()));
        assertThat(user.follow(loggedIn).body()).contains(name);
        // Spring Session's cookie, with a new id at login (no session fixation), as with H2.
        assertThat(user.cookie("SESSION")).isNotNull().isNotEqualTo(anonymous);

        // The session (who is logged in, the CSRF token) is in the database: B knows the user.
        on(instances.b());
        Page consentPage = user.get(authorizeUrl(client, "redirect_uri", CALLBACK, "scope", "profile",
                "state", "s1"));
        assertThat(consentPage.body()).contains(name).contains("Allow access?");
        Page back = answer(user, consentPage, "yes");
        assertThat(back.status()).as(back.body()).isEqualTo(303);
        assertThat(queryParameter(back.location(), "iss")).isEqualTo(TwoInstances.ISSUER);
        String code = queryParameter(back.location(), "code");

        on(instances.a());
        JsonNode first = exchange(client, code, null);

        on(instances.b());
        Answer me = me(bearer(first));
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo(name);

        on(instances.a());
        Answer refreshed = refresh(client, first.get("refresh_token").asString());
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        JsonNode second = refreshed.json();

        on(instances.b());
        assertThat(post("/oauth/revoke", client, "token", second.get("refresh_token").asString()).status())
                .isEqualTo(200);

        // Revoked on B, dead on A: both pairs of the family.
        on(instances.a());
        assertThat(me(bearer(second)).status()).isEqualTo(401);
        assertThat(me(bearer(first)).status()).isEqualTo(401);
        assertThat(refresh(client, second.get("refresh_token").asString()).error()).isEqualTo("invalid_grant");
    }

    @Test
    void oneCodeRedeemedEightTimesOverBothInstancesGivesOneTokenWhichTheSevenSecondUsesRevoke()
            throws Exception {
        Registration client = confidentialClient(CALLBACK, "profile");
        String code = codeFor(client, "redirect_uri", CALLBACK);

        List<Answer> answers = eightOverBoth(() -> token(client, "grant_type", "authorization_code", "code", code,
                "redirect_uri", CALLBACK));

        oneWinnerRevokedByTheSevenOthers(client, answers);
        assertThat(rows(client).tokens()).isEqualTo(1);
        assertThat(rows(client).usedCodes()).isEqualTo(1);
        assertThat(rows(client).revokedFamilies()).isEqualTo(1);
        assertThat(rows(client).revokedTokens()).isEqualTo(1);
    }

    @Test
    void oneRefreshTokenUsedEightTimesOverBothInstancesGivesOnePairWhichTheSevenReusesRevoke()
            throws Exception {
        Registration client = confidentialClient(CALLBACK, "profile");
        String refreshToken = tokensFor(client, "profile").get("refresh_token").asString();

        List<Answer> answers = eightOverBoth(() -> refresh(client, refreshToken));

        oneWinnerRevokedByTheSevenOthers(client, answers);
        assertThat(rows(client).tokens()).isEqualTo(2);
        assertThat(rows(client).rotatedTokens()).isEqualTo(1);
        assertThat(rows(client).revokedFamilies()).isEqualTo(1);
        assertThat(rows(client).revokedTokens()).isEqualTo(2);
    }

    @Test
    void bothInstancesPurgingAtOnceLoseNoLiveRowAndLeaveNoExpiredOne() throws Exception {
        Registration client = confidentialClient(CALLBACK, "profile");
        // Live: a family in use, and a fresh code.
        JsonNode live = tokensFor(client, "profile");
        codeFor(client, "redirect_uri", CALLBACK);
        Rows liveRows = rows(client);
        // Expired long ago: 600 codes, half of them with a token, made with SQL for speed.
        long clientRow = jdbc.queryForObject("select id from client where client_id = ?", Long.class, client.id());
        long userRow = jdbc.queryForObject("select owner_id from client where id = ?", Long.class, clientRow);
        Timestamp longAgo = Timestamp.from(Instant.now().minus(OAuth2Housekeeping.GRACE.multipliedBy(3)));
        for (int i = 0; i < 600; i++) {
            long grant = jdbc.queryForObject("insert into grants (code_hash, client_id, user_id, redirect_uri,"
                    + " redirect_uri_given, scopes, expires_at, used, revoked) values (?, ?, ?, ?, true, 'profile',"
                    + " ?, ?, false) returning id", Long.class, "expired-" + client.id() + "-" + i, clientRow,
                    userRow, CALLBACK, longAgo, i % 2 == 0);
            if (i % 2 == 0) {
                jdbc.update("insert into token (access_token_hash, refresh_token_hash, client_id, user_id,"
                        + " grant_id, scopes, issued_at, expires_at, refresh_expires_at, refresh_token_used,"
                        + " revoked) values (?, ?, ?, ?, ?, 'profile', ?, ?, ?, false, false)",
                        "a-" + client.id() + "-" + i, "r-" + client.id() + "-" + i, clientRow, userRow, grant,
                        longAgo, longAgo, longAgo);
            }
        }
        assertThat(rows(client).codes()).isEqualTo(liveRows.codes() + 600);

        // Every instance runs the purge on its own schedule; here both at the same moment, three times.
        for (int round = 0; round < 3; round++) {
            instances.atOnce(instance -> instance.bean(OAuth2Housekeeping.class).purge());
        }

        assertThat(rows(client)).isEqualTo(liveRows);
        for (Instance instance : instances.both()) {
            on(instance);
            assertThat(me(bearer(live)).status()).isEqualTo(200);
        }
    }
}
