package com.example.oauth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.example.oauth.common.security.Sha256;
import com.example.oauth.common.testing.H2Statements;

import okhttp3.Request;

/**
 * The protected resource, {@code /api/me}, over HTTP: each kind of refusal
 * with its status and challenge, and the one read that checks a token in
 * this step's tables. Each rule of the check is tested once, in common's
 * BearerTokenCheckTest; a good answer, in OAuth2FlowTest.
 */
class ApiTest extends OAuth2Test {

    @Test
    void eachRefusalHasItsStatusAndChallenge() {
        Registration client = confidentialClient(CALLBACK, "profile email");
        String token = tokensFor(client, "profile").get("access_token").asString();

        // RFC 6750 §3.1: no error code when the request had no token at all, as
        // when the token is in the query, which is not read.
        for (Answer none : List.of(me(null),
                send(new Request.Builder().url(provider() + "/api/me?access_token=" + token).build()))) {
            assertThat(none.status()).isEqualTo(401);
            assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"api\"");
            assertThat(none.json().has("error")).isFalse();
            assertThat(none.json().get("error_description").asString()).contains("Authorization: Bearer");
        }
        Answer malformed = me("Bearer\t" + token);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.header("WWW-Authenticate"))
                .startsWith("Bearer realm=\"api\", error=\"invalid_request\", error_description=\"");
        assertThat(malformed.json().get("error").asString()).isEqualTo("invalid_request");
        Answer insufficient = me(bearer(tokensFor(client, "email")));
        assertThat(insufficient.status()).isEqualTo(403);
        assertThat(insufficient.header("WWW-Authenticate"))
                .startsWith("Bearer realm=\"api\", error=\"insufficient_scope\"").endsWith(", scope=\"profile\"");
        assertThat(insufficient.json().get("scope").asString()).isEqualTo("profile");
        // A client's own token (client_credentials), stored without a user, stands for none: insufficient too.
        String own = token(client, "grant_type", "client_credentials").json().get("access_token").asString();
        Answer clients = me("Bearer " + own);
        assertThat(clients.status()).isEqualTo(403);
        assertThat(clients.header("WWW-Authenticate")).contains("error=\"insufficient_scope\"")
                .contains("client_credentials");
        assertThat(post("/oauth/introspect", client, "token", own).json().has("sub")).isFalse();
    }

    @Test
    void anExpiredTokenOrOneOfARevokedFamilyIsInvalid() {
        Registration client = confidentialClient(CALLBACK, "profile");
        String expired = tokensFor(client, "profile").get("access_token").asString();
        jdbc.update("update token set expires_at = ? where access_token_hash = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), Sha256.hex(expired));
        String revoked = tokensFor(client, "profile").get("access_token").asString();
        // Only the grant's flag is set; the token's own row is untouched.
        jdbc.update("update grants set revoked = true where id = (select grant_id from token"
                + " where access_token_hash = ?)", Sha256.hex(revoked));

        for (String token : List.of(expired, revoked, "made-up-token")) {
            Answer answer = me("Bearer " + token);

            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.header("WWW-Authenticate"))
                    .startsWith("Bearer realm=\"api\", error=\"invalid_token\", error_description=\"");
            assertThat(answer.json().get("error").asString()).isEqualTo("invalid_token");
        }
    }

    @Test
    void aCallCostsOneReadOfTheToken() {
        Registration client = confidentialClient(CALLBACK, "profile");
        String token = tokensFor(client, "profile").get("access_token").asString();

        List<String> statements = H2Statements.during(jdbc,
                () -> assertThat(me("Bearer " + token).status()).isEqualTo(200));

        // The housekeeping job, on its own schedule, only deletes: what the call ran is the rest.
        assertThat(statements).filteredOn(statement -> !statement.contains("delete from"))
                .singleElement().asString().startsWith("1x select");
    }
}
