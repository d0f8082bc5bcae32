package com.example.oauth.common.oauth2;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The OAuth 2 provider, the part Flask-OAuthlib and oauthlib play in the
 * article: one object for a step to wire, which hands each request to the
 * class of its endpoint. Each of those holds every rule of its endpoint,
 * with its RFC section:
 *
 * <ul>
 * <li>{@link AuthorizationEndpoint}: {@code /oauth/authorize} (RFC 6749 §4.1, RFC 7636, RFC 9700);</li>
 * <li>{@link TokenEndpoint}: {@code /oauth/token}, with {@link ClientAuthentication} (§2.3) and one class
 * per grant: {@code AuthorizationCodeGrant} (§4.1.3), {@code RefreshTokenGrant} (§6),
 * {@code ClientCredentialsGrant} (§4.4);</li>
 * <li>{@link RevocationEndpoint} (RFC 7009) and {@link IntrospectionEndpoint} (RFC 7662);</li>
 * <li>{@link BearerTokenCheck}: a protected resource (RFC 6750);</li>
 * <li>{@link AuthorizationServerMetadata} (RFC 8414).</li>
 * </ul>
 *
 * <p>Each returns what the handler answers or throws the error the RFC
 * names ({@link AuthorizationError}, {@link OAuth2Error}, {@link BearerTokenError}).
 * They read and write only through {@link OAuth2Storage}; a refused request
 * changes nothing there, except where an RFC says to revoke.
 */
public class OAuth2Provider {

    private final Supplier<String> issuer;
    private final List<String> scopesSupported;
    private final AuthorizationEndpoint authorization;
    private final TokenEndpoint token;
    private final RevocationEndpoint revocation;
    private final IntrospectionEndpoint introspection;
    private final BearerTokenCheck bearerTokens;

    /**
     * @param issuer this provider's base URL (RFC 8414 §2), asked for when
     *        needed: a server on a random port knows it only once it listens
     * @param scopesSupported every scope this provider knows
     */
    public OAuth2Provider(OAuth2Storage storage, Clock clock, Supplier<String> issuer,
            List<String> scopesSupported) {
        // RFC 8414 §2: the base URL, without a trailing slash.
        this.issuer = () -> {
            String url = issuer.get();
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        };
        this.scopesSupported = List.copyOf(scopesSupported);
        this.authorization = new AuthorizationEndpoint(storage, clock, this.issuer, this.scopesSupported);
        this.token = new TokenEndpoint(storage, clock, this.scopesSupported);
        this.revocation = new RevocationEndpoint(storage, clock);
        this.introspection = new IntrospectionEndpoint(storage, clock, this.issuer);
        this.bearerTokens = new BearerTokenCheck(storage, clock);
    }

    public String issuer() {
        return issuer.get();
    }

    /** See {@link AuthorizationEndpoint#check}. */
    public AuthorizationRequest checkAuthorizationRequest(Map<String, String[]> query, Supplier<String> loggedInUser) {
        return authorization.check(query, loggedInUser);
    }

    public AuthorizationResponse approve(AuthorizationRequest request) {
        return authorization.approve(request);
    }

    public AuthorizationResponse deny(AuthorizationRequest request) {
        return authorization.deny(request);
    }

    public TokenResponse token(FormRequest request) {
        return token.token(request);
    }

    public void revoke(FormRequest request) {
        revocation.revoke(request);
    }

    public Map<String, Object> introspect(FormRequest request) {
        return introspection.introspect(request);
    }

    public OAuth2Token checkBearerToken(String authorization, String scope) {
        return bearerTokens.check(authorization, scope);
    }

    /** RFC 8414 §3: the metadata document. */
    public Map<String, Object> metadata() {
        return AuthorizationServerMetadata.of(issuer(), scopesSupported);
    }
}
