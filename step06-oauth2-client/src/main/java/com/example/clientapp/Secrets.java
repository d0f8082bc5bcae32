package com.example.clientapp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import com.example.clientapp.common.Masking;
import com.example.oauth.common.security.SecretMask;

/**
 * What the dance page must never show whole: codes, code verifiers, access
 * and refresh tokens, client secrets. They are found by the names RFC 6749,
 * RFC 7636 and RFC 7009 give them, in a form or query, in a JSON answer, in
 * an Authorization header, and shown masked ({@link SecretMask}). Public
 * values (state, code_challenge, client_id, scope) stay whole.
 */
final class Secrets implements Masking {

    /** Parameters and JSON members that hold a secret. */
    static final Set<String> NAMES = Set.of("code", "code_verifier", "access_token", "refresh_token", "token",
            "client_secret");

    static final Secrets MASKING = new Secrets();

    private Secrets() {
    }

    /** A form body or query string, each secret value masked (the rest as sent). */
    @Override
    public String inForm(String form) {
        return Masking.inForm(form, NAMES);
    }

    /** A JSON answer, each secret member's value masked. */
    String inJson(String json) {
        return Masking.inJson(json, NAMES);
    }

    /** The token endpoint answers JSON (RFC 6749 §5.1); the rest is read as a form. */
    @Override
    public String inBody(String contentType, String body) {
        return contentType.contains("json") ? inJson(body) : inForm(body);
    }

    /**
     * An Authorization header: a Bearer token masked; a Basic header shown
     * decoded, client_id whole and secret masked (RFC 6749 §2.3.1).
     */
    @Override
    public String inAuthorization(String header) {
        if (header == null) {
            return null;
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "Bearer " + SecretMask.of(header.substring(7).strip());
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String encoded = header.substring(6).strip();
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return "Basic " + SecretMask.of(encoded);
            }
            int colon = decoded.indexOf(':');
            String idAndSecret = colon < 0 ? SecretMask.of(decoded)
                    : decoded.substring(0, colon) + ":" + SecretMask.of(decoded.substring(colon + 1));
            return "Basic " + SecretMask.of(encoded) + "   (base64 of \"" + idAndSecret + "\")";
        }
        return SecretMask.of(header);
    }
}
