package com.example.oauth.common.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** RFC 8414: what a client can learn of the provider without configuration. */
class AuthorizationServerMetadataTest extends EngineTest {

    @Test
    void theMetadataNamesEveryEndpointAndWhatIsSupported() {
        Map<String, Object> metadata = provider.metadata();

        // The issuer without its trailing slash (RFC 8414 §2).
        assertThat(metadata).containsEntry("issuer", ISSUER)
                .containsEntry("authorization_endpoint", ISSUER + "/oauth/authorize")
                .containsEntry("token_endpoint", ISSUER + "/oauth/token")
                .containsEntry("revocation_endpoint", ISSUER + "/oauth/revoke")
                .containsEntry("introspection_endpoint", ISSUER + "/oauth/introspect")
                .containsEntry("scopes_supported", List.of("profile", "email"))
                .containsEntry("response_types_supported", List.of("code"))
                .containsEntry("response_modes_supported", List.of("query"))
                .containsEntry("grant_types_supported",
                        List.of("authorization_code", "refresh_token", "client_credentials"))
                .containsEntry("token_endpoint_auth_methods_supported",
                        List.of("client_secret_basic", "client_secret_post", "none"))
                .containsEntry("revocation_endpoint_auth_methods_supported",
                        List.of("client_secret_basic", "client_secret_post", "none"))
                .containsEntry("introspection_endpoint_auth_methods_supported",
                        List.of("client_secret_basic", "client_secret_post"))
                .containsEntry("code_challenge_methods_supported", List.of("S256"))
                .containsEntry("authorization_response_iss_parameter_supported", true);
        assertThat(provider.issuer()).isEqualTo(ISSUER);
    }
}
