package com.example.oauth.common.oauth1;

/**
 * What request tokens and access tokens share: a token, its secret and the
 * client it belongs to, which storage reads with the token (one read).
 *
 * @param <C> the step's client
 */
public interface OAuth1Credentials<C extends OAuth1Client> {

    /** The {@code oauth_token} value. */
    String getToken();

    /** The token secret: the second half of the HMAC key (RFC 5849 §3.4.2). */
    String getTokenSecret();

    /** The client the token was issued to. */
    C getClient();
}
