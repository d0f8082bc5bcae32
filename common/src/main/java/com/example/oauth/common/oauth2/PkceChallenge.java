package com.example.oauth.common.oauth2;

import java.util.Base64;
import java.util.regex.Pattern;

import com.example.oauth.common.security.ConstantTime;
import com.example.oauth.common.security.Sha256;

/**
 * Proof Key for Code Exchange (RFC 7636). The client makes a random
 * code_verifier, sends its hash (the code_challenge) with the authorization
 * request and the verifier itself with the token request. Whoever steals the
 * code on its way back through the browser lacks the verifier, so the code
 * is worth nothing to them.
 *
 * <p>Only the S256 method is accepted: "plain" sends the verifier itself as
 * the challenge, which protects nothing once the request is seen
 * (RFC 9700 §2.1.1).
 */
public final class PkceChallenge {

    /** RFC 7636 §4.2: the one method this provider accepts. */
    public static final String S256 = "S256";

    /** §4.1: 43 to 128 unreserved characters. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    /** §4.2: BASE64URL of 32 bytes, without padding: 43 characters. */
    private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private PkceChallenge() {
    }

    /**
     * Whether this client must use PKCE. A public client has no secret, so
     * at the token endpoint nothing else shows that whoever brings a code is
     * the client that asked for it: a code stolen on its way back through
     * the browser would be as good as the client's own (RFC 7636 §1; RFC 9700
     * §2.1.1: public clients must use PKCE). A confidential client proves
     * itself with its secret, and may use PKCE too.
     */
    static boolean isRequiredFor(RegisteredClient client) {
        return client.getClientType() == ClientType.PUBLIC;
    }

    /** RFC 7636 §4.2: code_challenge = BASE64URL-ENCODE(SHA256(ASCII(code_verifier))). */
    public static String s256(String codeVerifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.digest(codeVerifier));
    }

    public static boolean isWellFormedVerifier(String codeVerifier) {
        return codeVerifier != null && VERIFIER.matcher(codeVerifier).matches();
    }

    public static boolean isWellFormedChallenge(String codeChallenge) {
        return codeChallenge != null && S256_CHALLENGE.matcher(codeChallenge).matches();
    }

    /** RFC 7636 §4.6: does the verifier hash to the challenge? Constant time. */
    public static boolean matches(String codeVerifier, String codeChallenge) {
        if (!isWellFormedVerifier(codeVerifier) || codeChallenge == null) {
            return false;
        }
        return ConstantTime.equals(codeChallenge, s256(codeVerifier));
    }
}
