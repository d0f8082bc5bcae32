package com.example.oauth.common.oauth2;

import java.time.Instant;
import java.util.List;

/**
 * An authorization code (RFC 6749 §4.1.2) as storage keeps it, the
 * article's grant: everything the code is bound to. The code itself is not
 * kept, only its SHA-256. Once exchanged, it also stands for its family:
 * every token descended from it, which is revoked, and ends, as one. A
 * step's record of the same names implements it.
 */
public interface OAuth2Grant {

    String clientId();

    /** The redirect URI the code was sent to. */
    String redirectUri();

    /**
     * Whether the authorization request named the redirect URI (it may leave
     * it out when the client registered one only). If it did, the token
     * request must name it too (RFC 6749 §4.1.3).
     */
    boolean redirectUriGiven();

    /** The scopes the user granted. */
    List<String> scopes();

    /** RFC 7636 §4.3: the code_challenge (S256) of the request, or null when it sent none. */
    String codeChallenge();

    Instant expiresAt();

    /** True once the code was exchanged for a token: a second use is refused. */
    boolean used();

    /**
     * True once the family was revoked (a second use, or RFC 7009
     * revocation): every token descended from this code is dead, also one
     * stored after the revocation by a request that raced with it.
     */
    boolean revoked();
}
