package com.example.oauth.common.oauth1;

import java.time.Clock;

import com.example.oauth.common.security.RandomTokens;
import com.example.oauth.common.security.Sha256;

/**
 * RFC 5849 §2.2, Resource Owner Authorization: the user, logged in at the
 * provider, is asked whether the client may act for them, and answers.
 * Yes gives a verifier, which proves to the provider that this user said
 * yes (the article's verifiersetter keeps its hash); no deletes the
 * request token. Either way the browser goes back to the client.
 *
 * <p>A request token is answered once, while it is fresh: an unknown,
 * expired or already answered one gets an {@link AuthorizationError},
 * which the step shows as a page saying so.
 */
public class AuthorizationEndpoint {

    private final OAuth1Storage storage;
    private final Clock clock;

    public AuthorizationEndpoint(OAuth1Storage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /**
     * The request token a user may still answer, for the consent page: known, not expired, not answered.
     *
     * @throws AuthorizationError for any other
     */
    public TemporaryCredentials pending(String token) {
        if (token == null || token.isEmpty()) {
            throw unknownToken();
        }
        return storage.findTemporaryCredentials(token)
                .filter(t -> t.getVerifierHash() == null && !t.isExpiredAt(clock.instant()))
                .orElseThrow(AuthorizationEndpoint::unknownToken);
    }

    /** The user allowed access: a verifier, bound to this user, for the client. */
    public AuthorizationResponse allow(String token, String username) {
        TemporaryCredentials requestToken = pending(token);
        String verifier = RandomTokens.generate(32);
        // Only its hash is kept: the verifier itself travels only to the client.
        if (!storage.saveVerifier(requestToken.getToken(), username, Sha256.hex(verifier), clock.instant())) {
            throw unknownToken(); // answered in another tab meanwhile, or expired
        }
        return new AuthorizationResponse(requestToken.getClient(), requestToken.getToken(),
                requestToken.getCallback(), verifier);
    }

    /** The user denied access: the request token can never be used now. */
    public AuthorizationResponse deny(String token) {
        TemporaryCredentials requestToken = pending(token);
        if (!storage.deleteUnauthorized(requestToken.getToken())) {
            throw unknownToken(); // answered in another tab meanwhile
        }
        return new AuthorizationResponse(requestToken.getClient(), requestToken.getToken(),
                requestToken.getCallback(), null);
    }

    private static AuthorizationError unknownToken() {
        return new AuthorizationError("This authorization link is unknown, expired or already used."
                + " Go back to the application and start again.");
    }
}
