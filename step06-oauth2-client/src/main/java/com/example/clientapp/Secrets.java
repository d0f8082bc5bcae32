package com.example.clientapp;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.oauth.common.security.SecretMask;

/**
 * What the dance page must never show whole: codes, code verifiers, access
 * and refresh tokens, client secrets. They are found by the names RFC 6749,
 * RFC 7636 and RFC 7009 give them, in a form or query, in a JSON answer, in
 * an Authorization header, and shown masked ({@link SecretMask}). Public
 * values (state, code_challenge, client_id, scope) stay whole.
 */
final class Secrets {

    /** Parameters and JSON members that hold a secret. */
    static final Set<String> NAMES = Set.of("code", "code_verifier", "access_token", "refresh_token", "token",
            "client_secret");

    private static final Pattern JSON_MEMBER = Pattern.compile("\"([A-Za-z_]+)\"(\\s*:\\s*)\"([^\"]*)\"");

    private Secrets() {
    }

    /** A form body or query string, each secret value masked (the rest as sent). */
    static String inForm(String form) {
        if (form == null || form.isEmpty()) {
            return form;
        }
        StringBuilder shown = new StringBuilder();
        for (String pair : form.split("&", -1)) {
            if (!shown.isEmpty()) {
                shown.append('&');
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : decode(pair.substring(0, eq));
            shown.append(eq >= 0 && NAMES.contains(name)
                    ? pair.substring(0, eq + 1) + SecretMask.of(decode(pair.substring(eq + 1)))
                    : pair);
        }
        return shown.toString();
    }

    /** A JSON answer, each secret member's value masked. */
    static String inJson(String json) {
        if (json == null) {
            return null;
        }
        Matcher member = JSON_MEMBER.matcher(json);
        StringBuilder shown = new StringBuilder();
        while (member.find()) {
            String value = NAMES.contains(member.group(1)) ? SecretMask.of(member.group(3)) : member.group(3);
            member.appendReplacement(shown, Matcher.quoteReplacement(
                    "\"" + member.group(1) + "\"" + member.group(2) + "\"" + value + "\""));
        }
        return member.appendTail(shown).toString();
    }

    /**
     * An Authorization header: a Bearer token masked; a Basic header shown
     * decoded, client_id whole and secret masked (RFC 6749 §2.3.1).
     */
    static String inAuthorization(String header) {
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

    /** Percent-decoding that never fails: a malformed escape stays as it came. */
    static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
