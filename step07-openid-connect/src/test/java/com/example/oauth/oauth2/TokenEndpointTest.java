package com.example.oauth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.databind.JsonNode;

/**
 * The token, revocation and introspection endpoints over HTTP: POST only,
 * answers never cached, refusals as RFC 6749 §5.2 JSON; and the metadata
 * that lists them (RFC 8414), with this step's issuer. Each rule of these
 * requests is tested once, in common's TokenEndpointTest, the grants'
 * tests, RevocationEndpointTest, IntrospectionEndpointTest and
 * AuthorizationServerMetadataTest; the issuer, in IssuerTest.
 */
class TokenEndpointTest extends OAuth2Test {

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
        // Its fields: OAuth2FlowTest, through scribejava.
        assertThat(answer.json().get("access_token").asString()).hasSize(40);
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
    void aRevocationIsAnEmptyUncachedOk() {
        Registration client = confidentialClient(CALLBACK, "profile");
        JsonNode tokens = tokensFor(client, "profile");

        Answer answer = post("/oauth/revoke", client, "token", tokens.get("refresh_token").asString());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertThat(me(bearer(tokens)).status()).isEqualTo(401);
    }

    @Test
    void theMetadataIsJsonWithTheIssuerThisProviderListensOn() {
        Answer answer = send(new Request.Builder().url(provider() + "/.well-known/oauth-authorization-server")
                .build());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonNode json = answer.json();
        assertThat(json.get("issuer").asString()).isEqualTo(provider());
        assertThat(json.get("token_endpoint").asString()).isEqualTo(provider() + "/oauth/token");
        assertThat(json.get("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
    }
}
