package com.example.clientapp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.clientapp.common.Masking;
import com.example.oauth.common.security.SecretMask;

/**
 * What the dance page must never show whole: codes, code verifiers, access
 * and refresh tokens, client secrets, masked ({@link SecretMask}). An
 * id_token (and its return as {@code id_token_hint}) keeps its header and
 * claims, which the page teaches, and loses its signature, without which no
 * one accepts it.
 */
final class Secrets implements Masking {

    static final Set<String> NAMES = Set.of("code", "code_verifier", "access_token", "refresh_token", "client_secret");
    /** RFC 7515 §7.1: a JWS is header.claims.signature, each base64url. */
    private static final Pattern ID_TOKEN =
            Pattern.compile("(id_token(?:_hint)?(?:\"\\s*:\\s*\"|=)[\\w-]*\\.[\\w-]*\\.)([\\w-]+)");

    static final Secrets MASKING = new Secrets();

    @Override
    public String inForm(String form) {
        return signatureShortened(Masking.inForm(form, NAMES));
    }

    @Override
    public String inBody(String contentType, String body) {
        return contentType.contains("json") ? signatureShortened(Masking.inJson(body, NAMES)) : inForm(body);
    }

    /** RFC 6749 §2.3.1: client_secret_basic shown decoded, the client_id whole, the secret masked. */
    @Override
    public String inAuthorization(String header) {
        if (header.startsWith("Basic ")) {
            String[] idAndSecret = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8)
                    .split(":", 2);
            return "Basic " + SecretMask.of(header.substring(6)) + "   (base64 of \"" + idAndSecret[0] + ":"
                    + SecretMask.of(idAndSecret[idAndSecret.length - 1]) + "\")";
        }
        return header.startsWith("Bearer ") ? "Bearer " + SecretMask.of(header.substring(7)) : SecretMask.of(header);
    }

    private static String signatureShortened(String text) {
        return text == null ? null : ID_TOKEN.matcher(text).replaceAll(
                jws -> Matcher.quoteReplacement(jws.group(1) + SecretMask.of(jws.group(2))));
    }
}
