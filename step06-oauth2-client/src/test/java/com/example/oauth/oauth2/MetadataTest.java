package com.example.oauth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import okhttp3.Request;
import tools.jackson.databind.JsonNode;

/** RFC 8414: what a client can learn of the provider without configuration. */
class MetadataTest extends OAuth2Test {

    @Test
    void theMetadataNamesEveryEndpointAndWhatIsSupported() {
        Answer answer = send(new Request.Builder().url(provider() + "/.well-known/oauth-authorization-server")
                .build());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonNode json = answer.json();
        // The issuer is the provider's base URL, with the port it actually listens on.
        assertThat(json.get("issuer").asString()).isEqualTo(provider());
        assertThat(json.get("authorization_endpoint").asString()).isEqualTo(provider() + "/oauth/authorize");
        assertThat(json.get("token_endpoint").asString()).isEqualTo(provider() + "/oauth/token");
        assertThat(json.get("revocation_endpoint").asString()).isEqualTo(provider() + "/oauth/revoke");
        assertThat(json.get("introspection_endpoint").asString()).isEqualTo(provider() + "/oauth/introspect");
        assertThat(json.get("response_types_supported").toString()).isEqualTo("[\"code\"]");
        assertThat(json.get("grant_types_supported").toString())
                .isEqualTo("[\"authorization_code\",\"refresh_token\",\"client_credentials\"]");
        assertThat(json.get("token_endpoint_auth_methods_supported").toString())
                .isEqualTo("[\"client_secret_basic\",\"client_secret_post\",\"none\"]");
        assertThat(json.get("revocation_endpoint_auth_methods_supported").toString())
                .isEqualTo("[\"client_secret_basic\",\"client_secret_post\",\"none\"]");
        assertThat(json.get("introspection_endpoint_auth_methods_supported").toString())
                .isEqualTo("[\"client_secret_basic\",\"client_secret_post\"]");
        assertThat(json.get("scopes_supported").toString()).isEqualTo("[\"profile\",\"email\"]");
        assertThat(json.get("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
        assertThat(json.get("authorization_response_iss_parameter_supported").asBoolean()).isTrue();
    }

    @Test
    void theIssuerIsComputedFromThePropertyOrThePort() {
        org.springframework.mock.env.MockEnvironment environment = new org.springframework.mock.env.MockEnvironment();
        environment.setProperty("server.port", "5000");
        assertThat(OAuth2Config.issuer(environment)).isEqualTo("http://127.0.0.1:5000");

        environment.setProperty("local.server.port", "54321");
        assertThat(OAuth2Config.issuer(environment)).isEqualTo("http://127.0.0.1:54321");

        environment.setProperty("oauth2.issuer", "https://login.example");
        assertThat(OAuth2Config.issuer(environment)).isEqualTo("https://login.example");
    }
}
