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
 * and refresh tokens, client secrets. They are found by the names RFC 6749,
 * RFC 7636 and RFC 7009 give them, in a form or query, in a JSON answer, in
 * an Authorization header, and shown masked ({@link SecretMask}). Public
 * values (state, nonce, code_challenge, client_id, scope) stay whole. An
 * id_token is shown readable, its signature shortened: its header and
 * claims are what the page teaches, and without the signature it is no
 * longer a token anybody accepts.
 */
final class Secrets implements Masking {

    /** Parameters and JSON members that hold a secret. */
    static final Set<String> NAMES = Set.of("code", "code_verifier", "access_token", "refresh_token", "token",
            "client_secret");

    /** OpenID Connect Core §3.1.3.3 and RP-Initiated Logout §2: the id_token, and its return as a hint. */
    static final Set<String> ID_TOKENS = Set.of("id_token", "id_token_hint");

    private static final Pattern JSON_MEMBER = Pattern.compile("\"([A-Za-z_]+)\"(\\s*:\\s*)\"([^\"]*)\"");

    static final Secrets MASKING = new Secrets();

    private Secrets() {
    }

    /** A form body or query string, each secret value masked (the rest as sent). */
    @Override
    public String inForm(String form) {
        if (form == null || form.isEmpty()) {
            return form;
        }
        StringBuilder shown = new StringBuilder();
        for (String pair : form.split("&", -1)) {
            if (!shown.isEmpty()) {
                shown.append('&');
            }
            int eq = pair.indexOf('=');
            // The first name may come after a URL's "?" (a Location header's query).
            String name = eq < 0 ? pair : Masking.decode(pair.substring(pair.lastIndexOf('?', eq) + 1, eq));
            if (eq >= 0 && NAMES.contains(name)) {
                shown.append(pair, 0, eq + 1).append(SecretMask.of(Masking.decode(pair.substring(eq + 1))));
            } else if (eq >= 0 && ID_TOKENS.contains(name)) {
                shown.append(pair, 0, eq + 1).append(idToken(Masking.decode(pair.substring(eq + 1))));
            } else {
                shown.append(pair);
            }
        }
        return shown.toString();
    }

    /** The token endpoint answers JSON (OpenID Connect Core §3.1.3.3); the rest is read as a form. */
    @Override
    public String inBody(String contentType, String body) {
        return contentType.contains("json") ? inJson(body) : inForm(body);
    }

    /** A JSON answer, each secret member's value masked, an id_token's signature shortened. */
    String inJson(String json) {
        if (json == null) {
            return null;
        }
        Matcher member = JSON_MEMBER.matcher(json);
        StringBuilder shown = new StringBuilder();
        while (member.find()) {
            String name = member.group(1);
            String value = NAMES.contains(name) ? SecretMask.of(member.group(3))
                    : ID_TOKENS.contains(name) ? idToken(member.group(3)) : member.group(3);
            member.appendReplacement(shown, Matcher.quoteReplacement(
                    "\"" + member.group(1) + "\"" + member.group(2) + "\"" + value + "\""));
        }
        return member.appendTail(shown).toString();
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

    /**
     * A JWS in its compact form (RFC 7515 §7.1), header and claims as they
     * came, the signature shortened; anything else masked whole.
     */
    static String idToken(String jws) {
        int dot = jws.lastIndexOf('.');
        if (dot < 0 || jws.indexOf('.') == dot) {
            return SecretMask.of(jws);
        }
        return jws.substring(0, dot + 1) + SecretMask.of(jws.substring(dot + 1));
    }
}
