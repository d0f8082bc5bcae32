package com.example.oauth.common.oauth1;

import java.time.Clock;
import java.time.Duration;

/**
 * The OAuth 1.0a provider of RFC 5849, the part Flask-OAuthlib's
 * {@code OAuth1Provider} plays in the article: one class per endpoint,
 * each with its rules, behind this façade, which a step wires to its
 * storage. Every method either answers or throws: an {@link OAuthProblem}
 * for a client, an {@link AuthorizationError} for the user on the consent
 * page; and a refused request stores nothing.
 *
 * <ul>
 * <li>§2.1 temporary credentials: {@link TemporaryCredentialsEndpoint}
 * <li>§2.2 resource owner authorization: {@link AuthorizationEndpoint}
 * <li>§2.3 token credentials: {@link TokenCredentialsEndpoint}
 * <li>§3 a signed call to a protected resource: {@link ResourceRequestCheck}
 * <li>§3.2 to §3.4, what every signed request passes: {@link RequestChecks}
 * </ul>
 */
public class OAuth1Provider {

    /** §3.3: how far a timestamp may be from the provider's clock; older nonces can be forgotten. */
    public static final Duration TIMESTAMP_WINDOW = RequestChecks.TIMESTAMP_WINDOW;

    private final TemporaryCredentialsEndpoint temporaryCredentials;
    private final AuthorizationEndpoint authorization;
    private final TokenCredentialsEndpoint tokenCredentials;
    private final ResourceRequestCheck resources;

    public OAuth1Provider(OAuth1Storage storage, Clock clock) {
        this.temporaryCredentials = new TemporaryCredentialsEndpoint(storage, clock);
        this.authorization = new AuthorizationEndpoint(storage, clock);
        this.tokenCredentials = new TokenCredentialsEndpoint(storage, clock);
        this.resources = new ResourceRequestCheck(storage, clock);
    }

    /** §2.1: a request token for a signed request that names a registered callback. */
    public CredentialsResponse issueTemporaryCredentials(SignedRequest request) {
        return temporaryCredentials.issue(request);
    }

    /** §2.2: the request token to show on the consent page, if the user may still answer it. */
    public TemporaryCredentials pendingAuthorization(String token) {
        return authorization.pending(token);
    }

    /** §2.2: the user said yes: where the browser goes, with the verifier. */
    public AuthorizationResponse allow(String token, String username) {
        return authorization.allow(token, username);
    }

    /** §2.2: the user said no: where the browser goes, without a verifier. */
    public AuthorizationResponse deny(String token) {
        return authorization.deny(token);
    }

    /** §2.3: an access token for an authorized request token and its verifier, once. */
    public CredentialsResponse issueTokenCredentials(SignedRequest request) {
        return tokenCredentials.exchange(request);
    }

    /** §3: the access token a call was signed with, which must hold this realm. */
    public TokenCredentials checkResourceRequest(SignedRequest request, String realm) {
        return resources.check(request, realm);
    }
}
