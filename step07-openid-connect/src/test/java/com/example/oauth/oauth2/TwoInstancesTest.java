package com.example.oauth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.oauth.ProviderApplication;
import com.example.oauth.common.oidc.SigningKeys;
import com.example.oauth.common.testing.Browser;
import com.example.oauth.common.testing.Browser.Page;
import com.example.oauth.common.testing.TwoInstances;
import com.example.oauth.common.testing.TwoInstances.Instance;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;

import okhttp3.Request;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of the provider in the postgres profile, on one PostgreSQL
 * database, as behind a load balancer: whichever instance a request lands
 * on, the user, the client and the tokens are the same, and every
 * use-once rule holds across them.
 */
class TwoInstancesTest extends OAuth2Test {

    private static TwoInstances instances;

    @BeforeAll
    static void startBoth() {
        instances = TwoInstances.of(ProviderApplication.class);
    }

    @BeforeEach
    void countOnPostgres() {
        jdbc = instances.jdbc();
        instances.use(instances.a());
    }

    /** The instance this thread's requests go to (the helpers of OAuth2Test call provider()). */
    @Override
    protected String provider() {
        return instances.target().url();
    }

    /** These tokens are dead on both instances, and their refresh token too. */
    private void deadOnBoth(Registration client, JsonNode tokens) {
        for (Instance instance : instances.both()) {
            instances.use(instance);
            assertThat(me(bearer(tokens)).status()).isEqualTo(401);
        }
        assertThat(refresh(client, tokens).error()).isEqualTo("invalid_grant");
    }

    @Test
    void aDanceWhoseRequestsAlternateBetweenTheInstances() {
        Registration client = confidentialClient(CALLBACK, "profile");
        String name = uniqueName("alice");
        Browser user = new Browser();

        Page home = user.get(provider() + "/");
        String anonymous = user.cookie("SESSION");
        Page loggedIn = user.post(provider() + "/", Map.of("username", name, "_csrf", home.csrfToken()));
        assertThat(user.follow(loggedIn).body()).contains(name);
        // Spring Session's cookie, with a new id at login (no session fixation), as with H2.
        assertThat(user.cookie("SESSION")).isNotNull().isNotEqualTo(anonymous);

        // The session (who is logged in, the CSRF token) is in the database: B knows the user.
        instances.use(instances.b());
        Page consentPage = user.get(authorizeUrl(client, "redirect_uri", CALLBACK, "scope", "profile",
                "state", "s1"));
        assertThat(consentPage.body()).contains(name).contains("Allow access?");
        Page back = answer(user, consentPage, "yes");
        assertThat(back.status()).as(back.body()).isEqualTo(303);
        assertThat(queryParameter(back.location(), "iss")).isEqualTo(TwoInstances.ISSUER);
        String code = queryParameter(back.location(), "code");

        instances.use(instances.a());
        JsonNode first = exchange(client, code, null);

        instances.use(instances.b());
        Answer me = me(bearer(first));
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo(name);

        instances.use(instances.a());
        Answer refreshed = refresh(client, first);
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        JsonNode second = refreshed.json();

        instances.use(instances.b());
        assertThat(post("/oauth/revoke", client, "token", second.get("refresh_token").asString()).status())
                .isEqualTo(200);

        // Revoked on B, dead on A: both pairs of the family.
        deadOnBoth(client, second);
        assertThat(me(bearer(first)).status()).isEqualTo(401);
    }

    @Test
    void oneCodeRedeemedEightTimesOverBothInstancesGivesOneTokenWhichTheSevenSecondUsesRevoke()
            throws Exception {
        Registration client = confidentialClient(CALLBACK, "profile");
        String code = codeFor(client, "redirect_uri", CALLBACK);

        JsonNode issued = theOneWinner(atOnce(instances.spread(8, () -> codeGrant(client, code))));

        // The seven second uses (RFC 6749 §4.1.2) revoked the family, the one token with it,
        // however the eight interleaved.
        assertThat(rows(client)).isEqualTo(new Rows(1, 1, 1, 1, 1, 0));
        deadOnBoth(client, issued);
    }

    @Test
    void oneRefreshTokenUsedEightTimesOverBothInstancesGivesOnePairWhichTheSevenReusesRevoke()
            throws Exception {
        Registration client = confidentialClient(CALLBACK, "profile");
        JsonNode tokens = tokensFor(client, "profile");

        JsonNode issued = theOneWinner(atOnce(instances.spread(8, () -> refresh(client, tokens))));

        // The seven reuses (RFC 9700 §4.14.2) revoked the family: both pairs.
        assertThat(rows(client)).isEqualTo(new Rows(1, 1, 1, 2, 2, 1));
        deadOnBoth(client, issued);
    }

    @Test
    void bothInstancesPurgingAtOnceLoseNoLiveRowAndLeaveNoExpiredOne() throws Exception {
        Registration client = confidentialClient(CALLBACK, "profile");
        // Live: a family in use, and a fresh code.
        JsonNode live = tokensFor(client, "profile");
        codeFor(client, "redirect_uri", CALLBACK);
        Rows liveRows = rows(client);
        // Expired long ago: 600 codes, half of them with a token, made with SQL for speed.
        Timestamp longAgo = Timestamp.from(Instant.now().minus(OAuth2Housekeeping.GRACE.multipliedBy(3)));
        jdbc.update("insert into grants (code_hash, client_id, user_id, redirect_uri, redirect_uri_given, scopes,"
                + " expires_at, used, revoked) select 'expired-' || c.client_id || '-' || i, c.id, c.owner_id, ?,"
                + " true, 'profile', ?, i % 2 = 0, false from client c, generate_series(1, 600) i"
                + " where c.client_id = ?", CALLBACK, longAgo, client.id());
        jdbc.update("insert into token (access_token_hash, refresh_token_hash, client_id, user_id, grant_id, scopes,"
                + " issued_at, expires_at, refresh_expires_at, refresh_token_used, revoked) select 'a-' || g.code_hash,"
                + " 'r-' || g.code_hash, g.client_id, g.user_id, g.id, 'profile', ?, ?, ?, false, false from grants g"
                + " where g.used and g.code_hash like ?", longAgo, longAgo, longAgo, "expired-" + client.id() + "-%");
        assertThat(rows(client).codes()).isEqualTo(liveRows.codes() + 600);

        // Every instance runs the purge on its own schedule; here both at the same moment, three times.
        for (int round = 0; round < 3; round++) {
            instances.atOnce(instance -> instance.bean(OAuth2Housekeeping.class).purge());
        }

        assertThat(rows(client)).isEqualTo(liveRows);
        for (Instance instance : instances.both()) {
            instances.use(instance);
            assertThat(me(bearer(live)).status()).isEqualTo(200);
        }
    }

    /** The key set this thread's instance serves. */
    private JWKSet jwks() throws Exception {
        return JWKSet.parse(send(new Request.Builder().url(provider() + "/oauth/jwks").build()).body());
    }

    @Test
    void anIdTokenSignedByOneInstanceVerifiesWithTheOthersKeysAndAKeyAddedOnOneIsServedByBoth() throws Exception {
        Registration client = confidentialClient(CALLBACK, "openid profile");
        SignedJWT idToken = SignedJWT.parse(tokensFor(client, "openid").get("id_token").asString());
        assertThat(idToken.getJWTClaimsSet().getIssuer()).isEqualTo(TwoInstances.ISSUER);

        instances.use(instances.b());
        assertThat(idToken.verify(new RSASSAVerifier(jwks().getKeyByKeyId(idToken.getHeader().getKeyID())
                .toRSAKey()))).isTrue();
        String added = instances.b().bean(SigningKeys.class).rotate().kid();
        for (Instance instance : instances.both()) {
            instances.use(instance);
            assertThat(jwks().getKeyByKeyId(added)).as(instance.name()).isNotNull();
            assertThat(jwks().getKeyByKeyId(idToken.getHeader().getKeyID())).as(instance.name()).isNotNull();
        }
    }
}
