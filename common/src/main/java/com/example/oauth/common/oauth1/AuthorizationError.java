package com.example.oauth.common.oauth1;

/**
 * A refused answer on the consent page (RFC 5849 §2.2): the request token
 * is unknown, expired or already answered. The user is told so on the
 * provider's own page; there is no callback to go back to, since only a
 * pending request token names one.
 */
public class AuthorizationError extends RuntimeException {

    AuthorizationError(String message) {
        super(message);
    }
}
