package com.example.oauth.common.oauth1;

import java.time.Clock;
import java.util.Optional;

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
 * expired or already answered one gets an empty answer, which the step
 * shows as a page saying so.
 */
public class AuthorizationEndpoint<C extends ClientCredentials, R extends TemporaryCredentials<C>> {

    private final OAuth1Storage<C, R> storage;
    private final Clock clock;

    public AuthorizationEndpoint(OAuth1Storage<C, R> storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /** The request token a user may still answer, for the consent page: known, not expired, not answered. */
    public Optional<R> pending(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        return storage.findTemporaryCredentials(token)
                .filter(t -> t.getVerifierHash() == null && t.getExpiresAt().isAfter(clock.instant()));
    }

    /** The user allowed access: a verifier, bound to this user, for the client. */
    public Optional<AuthorizationResponse<C>> allow(String token, String username) {
        Optional<R> pending = pending(token);
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        R requestToken = pending.get();
        String verifier = RandomTokens.generate(32);
        // Only its hash is kept: the verifier itself travels only to the client.
        if (!storage.saveVerifier(requestToken.getToken(), username, Sha256.hex(verifier), clock.instant())) {
            return Optional.empty(); // answered in another tab meanwhile, or expired
        }
        return Optional.of(new AuthorizationResponse<>(requestToken.getClient(), requestToken.getToken(),
                requestToken.getCallback(), verifier));
    }

    /** The user denied access: the request token can never be used now. */
    public Optional<AuthorizationResponse<C>> deny(String token) {
        Optional<R> pending = pending(token);
        if (pending.isEmpty() || !storage.deleteUnauthorized(pending.get().getToken())) {
            return Optional.empty();
        }
        R requestToken = pending.get();
        return Optional.of(new AuthorizationResponse<>(requestToken.getClient(), requestToken.getToken(),
                requestToken.getCallback(), null));
    }
}
