package com.example.oauth.common.oauth1;

import java.time.Clock;
import java.util.List;

import com.example.oauth.common.oauth1.RequestChecks.Checked;
import com.example.oauth.common.security.RandomTokens;
import com.example.oauth.common.security.Sha256;

/**
 * RFC 5849 §2.3, Token Credentials: the client exchanges the request token
 * the user authorized, with its verifier, for an access token. It signs
 * with its own secret and the request token's. The request token is used
 * up: of many exchanges at once, exactly one gets an access token, which
 * storage keeps in the same transaction (the article's tokensetter).
 */
public class TokenCredentialsEndpoint {

    private final OAuth1Storage storage;
    private final RequestChecks checks;
    private final Clock clock;

    public TokenCredentialsEndpoint(OAuth1Storage storage, Clock clock) {
        this.storage = storage;
        this.checks = new RequestChecks(storage, clock);
        this.clock = clock;
    }

    /** Checks the request, then uses up the request token and issues token credentials for it. */
    public CredentialsResponse exchange(SignedRequest request) {
        Checked checked = checks.wellFormed(request, List.of("oauth_token", "oauth_verifier"));
        TemporaryCredentials requestToken = checks.tokenOfClient(checked,
                storage.findTemporaryCredentials(checked.token()), t -> t.getClient().getClientKey());
        RegisteredClient client = requestToken.getClient();
        RequestChecks.signature(request, checked, client.getClientSecret(), client.getRsaPublicKey(),
                requestToken.getTokenSecret());
        if (requestToken.isExpiredAt(clock.instant())) {
            throw OAuthProblem.unauthorized("token_expired",
                    "These temporary credentials have expired: start again with a new request token.");
        }
        if (requestToken.getVerifierHash() == null) {
            throw OAuthProblem.unauthorized("permission_unknown",
                    "The user has not authorized this request token (yet).");
        }
        if (!Sha256.matches(checked.oauth().get("oauth_verifier"), requestToken.getVerifierHash())) {
            throw OAuthProblem.unauthorized("verifier_invalid",
                    "oauth_verifier is not the verifier given to the user for this request token.");
        }

        String token = RandomTokens.generate(30);
        String tokenSecret = RandomTokens.generate(40);
        // The nonce goes with the tokens, in storage's one transaction: a
        // loser of two exchanges at once leaves nothing, not even its nonce.
        // (A nonce already recorded for this token means it was exchanged.)
        Nonce nonce = RequestChecks.nonce(checked, requestToken.getToken());
        if (!storage.exchange(requestToken, nonce, token, tokenSecret, clock.instant())) {
            throw OAuthProblem.unauthorized("token_used", "This request token was already exchanged.");
        }
        return new CredentialsResponse(token, tokenSecret, false);
    }
}
