package com.example.oauth.common.oidc;

/**
 * A string that is not an id_token this provider signed: malformed, signed
 * with another algorithm or by a key this provider never made, or from
 * another issuer. The message says which, without quoting the token.
 */
public class InvalidIdTokenException extends Exception {

    InvalidIdTokenException(String reason) {
        super(reason);
    }
}
