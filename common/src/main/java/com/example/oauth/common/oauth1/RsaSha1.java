package com.example.oauth.common.oauth1;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Base64;

/**
 * The RSA-SHA1 signature method of RFC 5849 §3.4.3 (RSASSA-PKCS1-v1_5 with SHA-1): the client
 * signs with its private key, the server verifies with the public key the client registered.
 */
public final class RsaSha1 implements SignatureMethod {

    // The JDK's name for RSASSA-PKCS1-v1_5 with SHA-1 (RFC 3447 §8.2).
    private static final String JCA_ALGORITHM = "SHA1withRSA";

    @Override
    public String name() {
        return "RSA-SHA1";
    }

    /**
     * Signs a base string with the client's private key (§3.4.3); the result is the value of
     * {@code oauth_signature}. The token secret plays no part in RSA-SHA1.
     *
     * @throws IllegalArgumentException if the key is not an RSA private key
     */
    public String sign(String baseString, PrivateKey clientPrivateKey) {
        try {
            Signature rsa = Signature.getInstance(JCA_ALGORITHM);
            rsa.initSign(clientPrivateKey);
            rsa.update(baseString.getBytes(StandardCharsets.UTF_8));
            // §3.4.3: the signature octets are base64-encoded (RFC 2045 §6.8).
            return Base64.getEncoder().encodeToString(rsa.sign());
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("Not a usable RSA private key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(JCA_ALGORITHM + " is not available", e);
        }
    }

    /**
     * Verifies with {@code clientRsaKey} (§3.4.3, RFC 3447 §8.2.2); the secrets are ignored.
     * A client with no registered key, or a key that is not RSA, never verifies.
     */
    @Override
    public boolean verify(String baseString, String signature, String clientSecret, String tokenSecret,
                          PublicKey clientRsaKey) {
        if (baseString == null || signature == null || clientRsaKey == null) {
            return false;
        }
        byte[] sent;
        try {
            sent = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        try {
            Signature rsa = Signature.getInstance(JCA_ALGORITHM);
            rsa.initVerify(clientRsaKey);
            rsa.update(baseString.getBytes(StandardCharsets.UTF_8));
            // No constant-time concern here: the check uses only public values.
            return rsa.verify(sent);
        } catch (InvalidKeyException | SignatureException wrongKeyOrGarbledSignature) {
            // A non-RSA key, or bytes of the wrong length: not a valid signature either way.
            return false;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(JCA_ALGORITHM + " is not available", e);
        }
    }
}
