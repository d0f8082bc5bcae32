package com.example.oauth.common.oauth1;

import java.time.Clock;
import java.util.List;

import com.example.oauth.common.oauth1.RequestChecks.Checked;

/**
 * RFC 5849 §3, Authenticated Requests: a call to a protected resource,
 * signed with the client's credentials and an access token, which must hold
 * the realm the resource needs. Every API call makes this check: it reads
 * the token with all it needs in one read (the article's tokengetter) and
 * writes the nonce, nothing more.
 */
public class ResourceRequestCheck {

    private final OAuth1Storage storage;
    private final RequestChecks checks;

    public ResourceRequestCheck(OAuth1Storage storage, Clock clock) {
        this.storage = storage;
        this.checks = new RequestChecks(storage, clock);
    }

    /** The access token the request was signed with, and its user; or an {@link OAuthProblem}. */
    public TokenCredentials check(SignedRequest request, String realm) {
        Checked checked = checks.wellFormed(request, List.of("oauth_token"));
        TokenCredentials token = checks.tokenOfClient(checked, storage.findTokenCredentials(checked.token()),
                TokenCredentials::clientKey);
        RequestChecks.signature(request, checked, token.clientSecret(), token.rsaPublicKey(), token.tokenSecret());
        if (!token.realms().contains(realm)) {
            throw OAuthProblem.forbidden("permission_denied",
                    "This access token was not granted the realm \"" + realm + "\" that this resource needs.");
        }
        checks.useNonce(checked, token.token());
        return token;
    }
}
