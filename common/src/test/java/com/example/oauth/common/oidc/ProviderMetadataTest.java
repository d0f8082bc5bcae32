package com.example.oauth.common.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** OpenID Connect Discovery 1.0 §3: the fields DESIGN.md lists, and every endpoint under the issuer. */
class ProviderMetadataTest {

    static final String ISSUER = "https://op.example";

    @Test
    void theDocumentHasExactlyItsFieldsEveryEndpointUnderTheIssuer() {
        Map<String, Object> metadata = ProviderMetadata.of(ISSUER, List.of("profile", "email"));

        assertThat(metadata).containsOnlyKeys("issuer", "authorization_endpoint", "token_endpoint",
                "userinfo_endpoint", "jwks_uri", "end_session_endpoint", "scopes_supported",
                "response_types_supported", "subject_types_supported", "id_token_signing_alg_values_supported",
                "claims_supported", "code_challenge_methods_supported", "response_modes_supported",
                "grant_types_supported", "request_uri_parameter_supported", "token_endpoint_auth_methods_supported");
        assertThat(metadata).containsEntry("issuer", ISSUER)
                .containsEntry("authorization_endpoint", ISSUER + "/oauth/authorize")
                .containsEntry("token_endpoint", ISSUER + "/oauth/token")
                .containsEntry("userinfo_endpoint", ISSUER + "/oauth/userinfo")
                .containsEntry("jwks_uri", ISSUER + "/oauth/jwks")
                .containsEntry("end_session_endpoint", ISSUER + "/oauth/logout")
                .containsEntry("scopes_supported", List.of("openid", "profile", "email"))
                .containsEntry("response_types_supported", List.of("code"))
                .containsEntry("subject_types_supported", List.of("public"))
                .containsEntry("id_token_signing_alg_values_supported", List.of("RS256"))
                .containsEntry("claims_supported",
                        List.of("iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "preferred_username"))
                .containsEntry("code_challenge_methods_supported", List.of("S256"))
                // §3's defaults would promise the implicit grant, the fragment mode and request_uri: said instead.
                .containsEntry("response_modes_supported", List.of("query"))
                .containsEntry("grant_types_supported",
                        List.of("authorization_code", "refresh_token", "client_credentials"))
                .containsEntry("request_uri_parameter_supported", false)
                .containsEntry("token_endpoint_auth_methods_supported",
                        List.of("client_secret_basic", "client_secret_post", "none"));
    }

    @Test
    void openidIsListedOnce() {
        assertThat(ProviderMetadata.of(ISSUER, List.of("openid", "profile")))
                .containsEntry("scopes_supported", List.of("openid", "profile"));
    }
}
