package com.example.oauth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.oauth.common.security.Sha256;

import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.databind.JsonNode;

/**
 * The token, revocation and introspection endpoints over HTTP: POST only,
 * answers never cached, refusals as RFC 6749 §5.2 JSON; and a code used at
 * once by several requests on this step's database. Each rule of a token
 * request is tested once, in common's TokenEndpointTest and the grants' tests.
 */
class TokenEndpointTest extends OAuth2Test {

    @Autowired
    PlatformTransactionManager transactionManager;

    private Answer codeGrant(Registration client, String code) {
        return token(client, "grant_type", "authorization_code", "code", code, "redirect_uri", CALLBACK);
    }

    @Test
    void anotherMethodThanPostIsAnsweredAsTheEndpointAnswersEveryError() {
        for (String path : List.of("/oauth/token", "/oauth/revoke", "/oauth/introspect")) {
            for (String method : List.of("GET", "PUT", "DELETE")) {
                Answer answer = send(new Request.Builder().url(provider() + path + "?grant_type=client_credentials")
                        .method(method, method.equals("GET") ? null : RequestBody.create(new byte[0], null)).build());

                assertThat(answer.status()).as(method + " " + path).isEqualTo(405);
                assertThat(answer.header("Allow")).isEqualTo("POST");
                assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
                assertThat(answer.header("Content-Type")).startsWith("application/json");
                assertThat(answer.error()).isEqualTo("invalid_request");
                assertThat(answer.json().get("error_description").asString()).contains("POST only");
            }
        }
    }

    @Test
    void aSuccessfulAnswerIsNeverCached() {
        Registration client = confidentialClient(CALLBACK, "profile");

        Answer answer = codeGrant(client, codeFor(client, "redirect_uri", CALLBACK));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertThat(answer.header("Pragma")).isEqualTo("no-cache");
        JsonNode json = answer.json();
        assertThat(json.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(json.get("expires_in").asLong()).isEqualTo(3600);
        assertThat(json.get("access_token").asString()).hasSize(40);
        assertThat(json.get("refresh_token").asString()).hasSize(40);
        assertThat(json.get("scope").asString()).isEqualTo("profile");
    }

    @Test
    void onlyTheFormBodyIsReadAndARefusalIsJson() {
        Registration client = confidentialClient(CALLBACK, "profile");
        String code = codeFor(client, "redirect_uri", CALLBACK);
        String json = "{\"grant_type\":\"authorization_code\",\"code\":\"" + code + "\"}";

        refused(client, () -> send(new Request.Builder().url(provider() + "/oauth/token")
                .header("Authorization", basic(client.id(), client.secret()))
                .post(RequestBody.create(json, MediaType.get("application/json"))).build()), 400, "invalid_request");
        // The client's credentials in the query are not read: no client authentication.
        refused(client, () -> send(new Request.Builder().url(provider() + "/oauth/token?"
                + query("client_id", client.id(), "client_secret", client.secret()))
                .post(form("grant_type", "authorization_code", "code", code, "redirect_uri", CALLBACK)).build()),
                401, "invalid_client");
        // The code is still good.
        assertThat(codeGrant(client, code).status()).isEqualTo(200);
    }

    @Test
    void aCodeLockedTooLongByAnotherRequestIsRefusedWithoutA500AndChangesNothing() {
        Registration client = confidentialClient(CALLBACK, "profile");
        String code = codeFor(client, "redirect_uri", CALLBACK);

        // Another transaction holds the code's row, as a first use in progress
        // does, for longer than H2 waits for a lock (2 seconds). The request
        // counts as a second use; the revocation it then tries needs the same
        // row, so it waits and gives up too: refused, with nothing changed.
        Answer answer = new TransactionTemplate(transactionManager).execute(status -> {
            jdbc.update("update grants set used = used where code_hash = ?", Sha256.hex(code));
            return refused(client, () -> codeGrant(client, code), 400, "invalid_grant");
        });

        assertThat(answer.json().get("error_description").asString()).contains("could not be revoked yet");
        // The holder here was no first use and stored nothing: the code is still good.
        assertThat(codeGrant(client, code).status()).isEqualTo(200);
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
        assertThat(token(client, "grant_type", "refresh_token", "refresh_token",
                issued.get("refresh_token").asString()).error()).isEqualTo("invalid_grant");
    }
}
