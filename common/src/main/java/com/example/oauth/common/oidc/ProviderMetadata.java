package com.example.oauth.common.oidc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.example.oauth.common.oauth2.AuthorizationServerMetadata;
import com.example.oauth.common.oauth2.TokenEndpoint;

/**
 * The OpenID Provider Metadata (OpenID Connect Discovery 1.0 §3), served at
 * {@code /.well-known/openid-configuration} (§4): what a client needs to
 * sign users in with nothing configured but the issuer. Every endpoint is
 * under the issuer (§4.3: the issuer in the document must be the one the
 * client asked). The RFC 8414 document stays, with its own fields.
 */
public final class ProviderMetadata {

    public static final String PATH = "/.well-known/openid-configuration";
    public static final String USERINFO_ENDPOINT = "/oauth/userinfo";
    public static final String JWKS_URI = "/oauth/jwks";
    /** RP-Initiated Logout 1.0 §2.1. */
    public static final String END_SESSION_ENDPOINT = "/oauth/logout";

    /** The claims this provider can put in an id_token or a UserInfo answer. */
    static final List<String> CLAIMS =
            List.of("iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "preferred_username");

    private ProviderMetadata() {
    }

    /** @param scopes the scopes the provider knows; openid is added first when missing */
    public static Map<String, Object> of(String issuer, List<String> scopes) {
        List<String> scopesSupported = new ArrayList<>(scopes);
        if (!scopesSupported.contains(IdTokens.OPENID)) {
            // §3: "The server MUST support the openid scope value."
            scopesSupported.add(0, IdTokens.OPENID);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer);
        metadata.put("authorization_endpoint", issuer + AuthorizationServerMetadata.AUTHORIZATION_ENDPOINT);
        metadata.put("token_endpoint", issuer + AuthorizationServerMetadata.TOKEN_ENDPOINT);
        metadata.put("userinfo_endpoint", issuer + USERINFO_ENDPOINT);
        metadata.put("jwks_uri", issuer + JWKS_URI);
        metadata.put("end_session_endpoint", issuer + END_SESSION_ENDPOINT);
        metadata.put("scopes_supported", List.copyOf(scopesSupported));
        // The code flow only: no implicit or hybrid flow (RFC 9700 §2.1.2).
        metadata.put("response_types_supported", List.of("code"));
        // §3 gives defaults for these, which would promise what this provider lacks: the implicit grant, the
        // fragment response mode, request_uri (Core §6). So they are said.
        metadata.put("response_modes_supported", List.of("query"));
        metadata.put("grant_types_supported", TokenEndpoint.GRANT_TYPES);
        metadata.put("request_uri_parameter_supported", false);
        metadata.put("token_endpoint_auth_methods_supported", AuthorizationServerMetadata.ANY_CLIENT);
        // §8: every client sees the same sub for a user.
        metadata.put("subject_types_supported", List.of("public"));
        metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
        metadata.put("claims_supported", CLAIMS);
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        return metadata;
    }
}
