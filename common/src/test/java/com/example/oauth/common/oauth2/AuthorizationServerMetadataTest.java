package com.example.oauth.common.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * RFC 8414: what a client can learn of the provider without configuration.
 * What the document says must be what the engine does.
 */
@SuppressWarnings("unchecked")
class AuthorizationServerMetadataTest extends EngineTest {

    private final Map<String, Object> metadata = provider.metadata();

    @Test
    void everyEndpointIsUnderTheIssuerWithoutItsTrailingSlash() {
        // RFC 8414 §2: the issuer, here configured with a trailing slash, is named without it.
        assertThat(provider.issuer()).isEqualTo(ISSUER);
        assertThat(metadata).containsEntry("issuer", ISSUER);
        for (String endpoint : List.of("authorization_endpoint", "token_endpoint", "revocation_endpoint",
                "introspection_endpoint")) {
            assertThat((String) metadata.get(endpoint)).startsWith(ISSUER + "/oauth/");
        }
    }

    @Test
    void everyGrantTypeListedIsOfferedAndNoOther() {
        for (Object grantType : (List<Object>) metadata.get("grant_types_supported")) {
            OAuth2Error error = catchThrowableOfType(OAuth2Error.class,
                    () -> provider.token(web("grant_type", (String) grantType)));
            // Refused, if at all, for a missing parameter, never as an unsupported grant type.
            assertThat(error == null ? null : error.getError()).isNotEqualTo("unsupported_grant_type");
        }
        // No implicit grant and no password grant (RFC 9700 §2.1.2, §2.4).
        assertThat((List<Object>) metadata.get("grant_types_supported")).doesNotContain("password", "implicit");
        assertThat(metadata).containsEntry("response_types_supported", List.of("code"));
    }

    @Test
    void whatIsSupportedIsWhatTheEngineAccepts() {
        assertThat(metadata).containsEntry("scopes_supported", List.of("profile", "email"));
        // Plain PKCE is refused (RFC 9700 §2.1.1).
        assertThat(metadata).containsEntry("code_challenge_methods_supported", List.of(PkceChallenge.S256));
        // A public client (none) may use the token and revocation endpoints, not introspection.
        assertThat((List<Object>) metadata.get("token_endpoint_auth_methods_supported")).contains("none");
        assertThat((List<Object>) metadata.get("revocation_endpoint_auth_methods_supported")).contains("none");
        assertThat((List<Object>) metadata.get("introspection_endpoint_auth_methods_supported"))
                .contains("client_secret_basic").doesNotContain("none");
        // RFC 9207: every authorization response carries iss.
        assertThat(metadata).containsEntry("authorization_response_iss_parameter_supported", true);
    }
}
