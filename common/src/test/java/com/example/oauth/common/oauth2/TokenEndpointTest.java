package com.example.oauth.common.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The token endpoint itself (RFC 6749 §3.2, §2.3, §5.2): a form, from a
 * client that proves who it is, for a grant type it offers. The grants'
 * own rules are in their tests.
 */
class TokenEndpointTest extends EngineTest {

    @Test
    void aBodyThatIsNotAFormIsAnInvalidRequest() {
        String code = webCode();

        refused(() -> provider.token(new FormRequest(false, Map.of(), null)), 400, "invalid_request");
        // The code is still good.
        assertThat(provider.token(web("grant_type", "authorization_code", "code", code)).accessToken()).isNotBlank();
    }

    @Test
    void aParameterSentTwiceIsAnInvalidRequest() {
        String code = webCode();

        refused(() -> provider.token(web("grant_type", "authorization_code", "code", code, "code", code)), 400,
                "invalid_request");
    }

    @Test
    void aMissingOrUnknownGrantTypeIsRefused() {
        refused(() -> provider.token(web("code", "x")), 400, "invalid_request");
        refused(() -> provider.token(web("grant_type", "magic")), 400, "unsupported_grant_type");
        // Neither the password grant nor the implicit grant is offered (RFC 9700 §2.4, §2.1.2).
        OAuth2Error password = refused(() -> provider.token(web("grant_type", "password", "username", "u",
                "password", "p")), 400, "unsupported_grant_type");
        assertThat(password.getMessage()).contains("RFC 9700 Section 2.4");
    }

    @Test
    void theClientIsAuthenticatedBeforeAnythingElse() {
        String code = webCode();
        String[] grant = {"grant_type", "authorization_code", "code", code};

        for (FormRequest request : List.of(form(grant), // no client authentication
                form("grant_type", "authorization_code", "code", code, "client_id", "nobody", "client_secret", "x"),
                form("grant_type", "authorization_code", "code", code, "client_id", "web", "client_secret", "wrong"),
                form("grant_type", "authorization_code", "code", code, "client_id", "web"), // no secret
                new FormRequest(true, form(grant).parameters(), "Basic not-base64!"))) {
            OAuth2Error error = refused(() -> provider.token(request), 401, "invalid_client");
            assertThat(error.getWwwAuthenticate()).isEqualTo("Basic realm=\"oauth\"");
        }
        // Two methods at once: a malformed request.
        refused(() -> provider.token(new FormRequest(true, web(grant).parameters(), "Basic d2ViOndlYi1zZWNyZXQ=")),
                400, "invalid_request");
        // Basic alone is fine: web:web-secret.
        assertThat(provider.token(new FormRequest(true, form(grant).parameters(), "Basic d2ViOndlYi1zZWNyZXQ="))
                .accessToken()).isNotBlank();
    }

    @Test
    void aPublicClientHasNoSecretToSend() {
        String code = appCode();

        refused(() -> provider.token(form("grant_type", "authorization_code", "code", code, "client_id", "app",
                "client_secret", "made-up")), 401, "invalid_client");
    }
}
