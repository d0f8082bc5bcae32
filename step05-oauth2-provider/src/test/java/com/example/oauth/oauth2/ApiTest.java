package com.example.oauth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.example.oauth.common.security.Sha256;
import com.example.oauth.common.testing.H2Statements;

import okhttp3.Request;
import tools.jackson.databind.JsonNode;

/**
 * The protected resource, {@code /api/me}, as RFC 6750 says: the token in
 * the Authorization header only, and the status and challenge of §3 for
 * every refusal.
 */
class ApiTest extends OAuth2Test {

    private String accessToken(RegisteredClient client, String scope) {
        return tokensFor(client, scope).get("access_token").asString();
    }

    @Test
    void aGoodTokenReadsTheUsername() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String name = uniqueName("judy");
        String code = code(loggedInUser(name), authorizeUrl(client, "redirect_uri", CALLBACK));
        String token = exchange(client, code, null).get("access_token").asString();

        Answer answer = me("Bearer " + token);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"username\":\"" + name + "\"}");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        // Sent in one piece, not in chunks (see ApiController).
        assertThat(answer.header("Content-Length")).isEqualTo(String.valueOf(answer.body().length()));
        // RFC 9110 §11.1: the scheme is case-insensitive.
        assertThat(me("bearer " + token).status()).isEqualTo(200);
    }

    @Test
    void noTokenGetsABareChallenge() {
        Answer answer = me(null);

        assertThat(answer.status()).isEqualTo(401);
        // §3.1: no error code when the request had no token at all.
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"api\"");
        assertThat(answer.json().has("error")).isFalse();
        assertThat(answer.json().get("error_description").asString()).contains("Authorization: Bearer");
    }

    @Test
    void aTokenInTheQueryIsNotRead() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String token = accessToken(client, "profile");

        Answer answer = send(new Request.Builder().url(provider() + "/api/me?access_token=" + token).build());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"api\"");
    }

    @Test
    void anotherSchemeIsAsNoToken() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");

        Answer answer = me(basic(client.id(), client.secret()));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"api\"");
    }

    @Test
    void aMalformedHeaderIsABadRequest() {
        for (String header : new String[] {"Bearer", "Bearer  ", "Bearer a b", "Bearer <token>"}) {
            Answer answer = me(header);

            assertThat(answer.status()).as(header).isEqualTo(400);
            assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer realm=\"api\", error=\"invalid_request\"");
        }
    }

    @Test
    void aBearerFollowedByATabOrAnotherSeparatorIsABadRequestNotNoToken() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String token = accessToken(client, "profile");
        Rows before = rows(client);

        // RFC 6750 §2.1: "Bearer", one or more spaces, the token. The scheme is
        // Bearer all the same, so the request is malformed (§3.1), not unauthenticated.
        for (String header : new String[] {"Bearer\t" + token, "Bearer," + token, "Bearer:" + token,
                "Bearer\t"}) {
            Answer answer = me(header);

            assertThat(answer.status()).as(header).isEqualTo(400);
            assertThat(answer.header("WWW-Authenticate"))
                    .startsWith("Bearer realm=\"api\", error=\"invalid_request\", error_description=\"");
            assertThat(answer.json().get("error").asString()).isEqualTo("invalid_request");
        }
        // Another scheme, even one that starts like it, is no Bearer token at all: 401, no error code.
        for (String header : new String[] {"BearerToken " + token, "Token " + token}) {
            Answer answer = me(header);

            assertThat(answer.status()).as(header).isEqualTo(401);
            assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"api\"");
        }
        assertThat(rows(client)).isEqualTo(before);
        assertThat(me("Bearer " + token).status()).isEqualTo(200);
    }

    @Test
    void aTokenOfARevokedFamilyIsInvalidInTheSameOneRead() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String token = accessToken(client, "profile");
        // Only the grant's flag is set; the token's own row is untouched.
        jdbc.update("update grants set revoked = true where id = (select grant_id from token"
                + " where access_token_hash = ?)", Sha256.hex(token));

        Answer answer = me("Bearer " + token);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
    }

    @Test
    void anUnknownTokenIsInvalid() {
        Answer answer = me("Bearer made-up-token");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate"))
                .startsWith("Bearer realm=\"api\", error=\"invalid_token\", error_description=\"");
        assertThat(answer.json().get("error").asString()).isEqualTo("invalid_token");
    }

    @Test
    void anExpiredTokenIsInvalid() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String token = accessToken(client, "profile");
        jdbc.update("update token set expires_at = ? where access_token_hash = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), Sha256.hex(token));

        Answer answer = me("Bearer " + token);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
    }

    @Test
    void aTokenWithoutTheProfileScopeIsInsufficient() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile email");
        String token = accessToken(client, "email");

        Answer answer = me("Bearer " + token);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer realm=\"api\", error=\"insufficient_scope\"")
                .endsWith(", scope=\"profile\"");
        JsonNode json = answer.json();
        assertThat(json.get("error").asString()).isEqualTo("insufficient_scope");
        assertThat(json.get("scope").asString()).isEqualTo("profile");
    }

    @Test
    void aCallCostsOneReadOfTheToken() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String token = accessToken(client, "profile");
        List<String> statements = List.of();
        // A purge by the housekeeping job in between would count too: then try again.
        for (int attempt = 0; attempt < 3 && statements.size() != 1; attempt++) {
            statements = H2Statements.during(jdbc, () -> assertThat(me("Bearer " + token).status()).isEqualTo(200));
        }
        assertThat(statements).hasSize(1);
        assertThat(statements.get(0)).startsWith("1x ").contains("from token t")
                .contains("where t.access_token_hash = ?");
    }
}
