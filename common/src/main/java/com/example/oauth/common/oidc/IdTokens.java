package com.example.oauth.common.oidc;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The id_token (OpenID Connect Core §2): a JWS, signed RS256 with the
 * provider's newest key, that tells the client who signed in, when, and
 * for whom it is meant.
 *
 * <p>Claims: {@code iss}, {@code sub}, {@code aud} (the client id, one
 * string), {@code exp}, {@code iat}, {@code auth_time}, and {@code nonce}
 * when the request sent one. No {@code at_hash}: §3.1.3.6 makes it
 * OPTIONAL in the code flow, where the access token comes in the same
 * answer of the token endpoint, over TLS, straight from the provider, so
 * nobody could have swapped it; the hash would bind nothing. No
 * {@code azp}: §2 needs it only with several audiences.
 */
public class IdTokens {

    /** The scope that makes a request an OpenID Connect one (§3.1.2.1). */
    public static final String OPENID = "openid";

    /**
     * How long an id_token may be accepted (§2 {@code exp}). A client checks
     * it once, at sign-in; a short life also lets a replaced key leave the
     * JWKS soon ({@link SigningKeys#published()}).
     */
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    /** An id_token_hint longer than this is not read: ours are about 800 characters. */
    static final int MAX_HINT_LENGTH = 8000;

    private final SigningKeys keys;
    private final Clock clock;
    private final Supplier<String> issuer;

    /** @param issuer the issuer identifier, the same string as in the discovery document */
    public IdTokens(SigningKeys keys, Clock clock, Supplier<String> issuer) {
        this.keys = keys;
        this.clock = clock;
        this.issuer = issuer;
    }

    /** §3.1.2.1: an id_token goes with the token response only when the request's scope held openid. */
    public static boolean requested(Collection<String> scopes) {
        return scopes.contains(OPENID);
    }

    /** §3.1.3.3: the id_token of the token response to a code. */
    public String issue(Authentication authentication) {
        return sign(authentication, authentication.nonce());
    }

    /**
     * §12.2: the id_token of a refresh. The same iss, sub, aud and
     * auth_time (the original login, not now); a new iat and exp; and no
     * nonce: "it SHOULD NOT have a nonce Claim, even when the ID Token
     * issued at the time of the original authentication contained nonce".
     */
    public String refreshed(Authentication authentication) {
        return sign(authentication, null);
    }

    private String sign(Authentication authentication, String nonce) {
        // JWT dates are whole seconds (RFC 7519 §2, NumericDate).
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer.get())
                .subject(authentication.subject())
                .audience(authentication.clientId())
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .issueTime(Date.from(now))
                .claim("auth_time", authentication.authTime().getEpochSecond());
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        return keys.signer().sign(claims.build());
    }

    /**
     * RP-Initiated Logout 1.0 §2: reads an {@code id_token_hint}. It must be
     * signed RS256 by a key of this provider, found by its kid, and carry
     * this provider as its issuer. Its {@code exp} is not checked: "The OP
     * SHOULD accept ID Tokens when the RP identified by the ID Token's aud
     * claim [...] had a recent session at the OP, even when the exp time has
     * passed" (a client's id_token has usually expired by the time its
     * user logs out).
     *
     * @throws InvalidIdTokenException with the reason; never anything else, whatever the string
     */
    public IdTokenClaims verifyHint(String idToken) throws InvalidIdTokenException {
        if (idToken.length() > MAX_HINT_LENGTH) {
            throw new InvalidIdTokenException("it is longer than any id_token this provider signs");
        }
        try {
            SignedJWT jwt = SignedJWT.parse(idToken);
            // RFC 8725 §3.1: the one algorithm this provider uses, never the one the token names.
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
                throw new InvalidIdTokenException("it is not signed with RS256");
            }
            String kid = jwt.getHeader().getKeyID();
            SigningKey key = (kid == null ? null : keys.find(kid).orElse(null));
            if (key == null || !key.verifies(jwt)) {
                throw new InvalidIdTokenException("its signature is not by a key of this provider");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!issuer.get().equals(claims.getIssuer())) {
                throw new InvalidIdTokenException("it was issued by another provider");
            }
            List<String> audience = claims.getAudience();
            if (claims.getSubject() == null || audience.size() != 1) {
                throw new InvalidIdTokenException("it is not an id_token (no sub, or not one aud)");
            }
            Date authTime = claims.getDateClaim("auth_time");
            return new IdTokenClaims(claims.getIssuer(), claims.getSubject(), audience.get(0),
                    instant(claims.getIssueTime()), instant(claims.getExpirationTime()), instant(authTime),
                    claims.getStringClaim("nonce"));
        } catch (ParseException | RuntimeException e) {
            // Not a JWS, or claims of the wrong type: a hint is the client's input, never a server error.
            throw new InvalidIdTokenException("it is not a well-formed signed JWT");
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
