package com.example.oauth.common.oauth1;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Reads and writes an RSA public key as PEM text, {@code -----BEGIN PUBLIC KEY-----}, the form
 * {@code openssl rsa -pubout} prints: how an RSA-SHA1 client registers its key (RFC 5849 §3.4.3).
 */
public final class PemPublicKeys {

    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";

    private PemPublicKeys() {
    }

    /**
     * Parses a PEM "PUBLIC KEY" block (an X.509 SubjectPublicKeyInfo) holding an RSA key.
     * Text before BEGIN or after END, such as a comment, is ignored.
     *
     * @throws IllegalArgumentException if there is no such block, it is not base64, or the key
     *                                  inside is not RSA
     */
    public static RSAPublicKey parse(String pem) {
        if (pem == null) {
            throw new IllegalArgumentException("No PEM text");
        }
        if (pem.contains("-----BEGIN RSA PUBLIC KEY-----")) {
            // PKCS#1, a different structure the JDK cannot read directly.
            throw new IllegalArgumentException("PKCS#1 \"RSA PUBLIC KEY\" is not supported; convert it with"
                    + " 'openssl rsa -RSAPublicKey_in -pubout' to a \"PUBLIC KEY\" block");
        }
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("Expected a " + BEGIN + " ... " + END + " block");
        }
        String base64 = pem.substring(begin + BEGIN.length(), end).replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The PEM block is not valid base64", e);
        }
        try {
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            return (RSAPublicKey) key;
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("The PEM block does not hold an RSA public key", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /**
     * Writes a public key as a PEM "PUBLIC KEY" block, 64 base64 characters a line.
     */
    public static String format(PublicKey key) {
        // getEncoded() of a JDK public key is the X.509 SubjectPublicKeyInfo, as PEM wants.
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        return BEGIN + "\n" + body + "\n" + END + "\n";
    }
}
