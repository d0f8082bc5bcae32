package com.example.oauth.common.oauth2;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 8414: what a client can learn of this provider from
 * {@code /.well-known/oauth-authorization-server}, so that it needs no
 * configuration but the issuer.
 */
public final class AuthorizationServerMetadata {

    public static final String AUTHORIZATION_ENDPOINT = "/oauth/authorize";
    public static final String TOKEN_ENDPOINT = "/oauth/token";
    public static final String REVOCATION_ENDPOINT = "/oauth/revoke";
    public static final String INTROSPECTION_ENDPOINT = "/oauth/introspect";

    /** client_secret_basic, client_secret_post and none: the names of {@link ClientAuthentication.Method}. */
    public static final List<String> ANY_CLIENT =
            Arrays.stream(ClientAuthentication.Method.values()).map(ClientAuthentication.Method::value).toList();

    /** The same without none: a client with its secret. */
    private static final List<String> CONFIDENTIAL_CLIENT =
            ANY_CLIENT.stream().filter(method -> !method.equals("none")).toList();

    private AuthorizationServerMetadata() {
    }

    public static Map<String, Object> of(String issuer, List<String> scopes) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer);
        metadata.put("authorization_endpoint", issuer + AUTHORIZATION_ENDPOINT);
        metadata.put("token_endpoint", issuer + TOKEN_ENDPOINT);
        metadata.put("revocation_endpoint", issuer + REVOCATION_ENDPOINT);
        metadata.put("introspection_endpoint", issuer + INTROSPECTION_ENDPOINT);
        metadata.put("scopes_supported", scopes);
        // No implicit grant and no password grant (RFC 9700 §2.1.2, §2.4).
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("response_modes_supported", List.of("query"));
        metadata.put("grant_types_supported", TokenEndpoint.GRANT_TYPES);
        metadata.put("token_endpoint_auth_methods_supported", ANY_CLIENT);
        // A public client may revoke its own tokens, with its client_id alone.
        metadata.put("revocation_endpoint_auth_methods_supported", ANY_CLIENT);
        // Only a confidential client, with its secret, may introspect.
        metadata.put("introspection_endpoint_auth_methods_supported", CONFIDENTIAL_CLIENT);
        metadata.put("code_challenge_methods_supported", List.of(PkceChallenge.S256));
        // RFC 9207: every authorization response carries iss.
        metadata.put("authorization_response_iss_parameter_supported", true);
        return metadata;
    }
}
