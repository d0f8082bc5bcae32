package com.example.oauth.common.oidc;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * One RSA key that signs id_tokens with RS256 (OpenID Connect Core §10.1,
 * RFC 7518 §3.3), parsed once: the signer and the verifier are made when
 * the key is loaded, not for each token.
 */
public final class SigningKey {

    /** RFC 7518 §3.3: a key of 2048 bits or more. */
    static final int RSA_BITS = 2048;

    private final String kid;
    private final Instant createdAt;
    private final RSAPublicKey publicKey;
    private final RSAPrivateKey privateKey;
    private final JWSSigner signer;
    private final JWSVerifier verifier;

    private SigningKey(String kid, Instant createdAt, RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        this.kid = kid;
        this.createdAt = createdAt;
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        this.signer = new RSASSASigner(privateKey);
        this.verifier = new RSASSAVerifier(publicKey);
    }

    /** A new key pair; its kid is its RFC 7638 thumbprint, so that a kid names one key wherever it is seen. */
    static SigningKey generate(Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS);
            KeyPair pair = generator.generateKeyPair();
            RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
            String kid = new RSAKey.Builder(publicKey).build().computeThumbprint().toString();
            return new SigningKey(kid, now, publicKey, (RSAPrivateKey) pair.getPrivate());
        } catch (NoSuchAlgorithmException | JOSEException e) {
            throw new IllegalStateException("This Java runtime cannot make RSA keys", e);
        }
    }

    /** A stored key, read back. */
    static SigningKey parse(StoredSigningKey stored) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(stored.publicKey())));
            RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(stored.privateKey())));
            return new SigningKey(stored.kid(), stored.createdAt(), publicKey, privateKey);
        } catch (NoSuchAlgorithmException | InvalidKeySpecException | IllegalArgumentException | ClassCastException e) {
            // The message names the key, never its content.
            throw new IllegalStateException("The stored signing key " + stored.kid() + " is not an RSA key pair"
                    + " (X.509 and PKCS #8 in base64)", e);
        }
    }

    StoredSigningKey toStored() {
        Base64.Encoder base64 = Base64.getEncoder();
        return new StoredSigningKey(kid, createdAt, base64.encodeToString(publicKey.getEncoded()),
                base64.encodeToString(privateKey.getEncoded()));
    }

    public String kid() {
        return kid;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** RFC 7515 §7.1: the compact JWS of these claims, RS256, with this key's kid in the header. */
    String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing with key " + kid + " failed", e);
        }
        return jwt.serialize();
    }

    /** Whether this key's signature on the token is good. */
    boolean verifies(SignedJWT jwt) {
        try {
            return jwt.verify(verifier);
        } catch (JOSEException e) {
            return false;
        }
    }

    /**
     * RFC 7517 §4, RFC 7518 §6.3.1: the public key as a JWK. Only the
     * members named here are published: never a private part (d, p, q,
     * dp, dq, qi).
     */
    public Map<String, Object> publicJwk() {
        RSAKey jwk = new RSAKey.Builder(publicKey).build();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kty", "RSA");
        json.put("use", "sig");
        json.put("alg", JWSAlgorithm.RS256.getName());
        json.put("kid", kid);
        json.put("n", jwk.getModulus().toString());
        json.put("e", jwk.getPublicExponent().toString());
        return json;
    }

    /** The kid and the date only: a key in a log line must never show its private part. */
    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", createdAt=" + createdAt + "]";
    }
}
