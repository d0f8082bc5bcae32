package com.example.oauth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import okhttp3.Request;
import tools.jackson.databind.JsonNode;

/**
 * RFC 8414 over HTTP, with this step's issuer. Every field is tested once,
 * in common's AuthorizationServerMetadataTest.
 */
class MetadataTest extends OAuth2Test {

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

    @Test
    void theIssuerIsComputedFromThePropertyOrThePort() {
        MockEnvironment environment = new MockEnvironment();
        environment.setProperty("server.port", "5000");
        assertThat(OAuth2Config.issuer(environment)).isEqualTo("http://127.0.0.1:5000");

        environment.setProperty("local.server.port", "54321");
        assertThat(OAuth2Config.issuer(environment)).isEqualTo("http://127.0.0.1:54321");

        environment.setProperty("oauth2.issuer", "https://login.example");
        assertThat(OAuth2Config.issuer(environment)).isEqualTo("https://login.example");
    }
}
