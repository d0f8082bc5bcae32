package com.example.clientapp;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.oauth.common.security.SecretMask;

/**
 * What the dance page must never show whole: verifiers, token secrets and
 * the access token. They are found by the names RFC 5849 gives them, in a
 * form or query, in an {@code Authorization: OAuth} header and in a
 * signature base string, and shown masked ({@link SecretMask}). The client
 * secret never travels at all: it only keys the HMAC (§3.4.2). Public
 * values (the request token, nonce, timestamp, signature) stay whole.
 *
 * <p>{@code oauth_token} is a secret when it names the access token: in the
 * access-token answer and in the calls signed with it; the request token
 * goes through the browser anyway.
 */
final class Secrets {

    static final Set<String> NAMES = Set.of("oauth_token_secret", "oauth_verifier");
    static final Set<String> WITH_ACCESS_TOKEN = Set.of("oauth_token_secret", "oauth_verifier", "oauth_token");

    private static final Pattern HEADER_PARAMETER = Pattern.compile("([A-Za-z_]+)=\"([^\"]*)\"");
    private static final Pattern BASE_STRING_PARAMETER = Pattern.compile("(^|&|%26)([A-Za-z_]+)%3D(.*?)(?=%26|$)");

    private Secrets() {
    }

    static Set<String> names(boolean accessToken) {
        return accessToken ? WITH_ACCESS_TOKEN : NAMES;
    }

    /** A form body or query string before any access token exists (the callback's query). */
    static String inForm(String form) {
        return inForm(form, false);
    }

    /** A form body or query string, each secret value masked (the rest as sent). */
    static String inForm(String form, boolean accessToken) {
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
            shown.append(eq >= 0 && names(accessToken).contains(name)
                    ? pair.substring(0, eq + 1) + SecretMask.of(decode(pair.substring(eq + 1)))
                    : pair);
        }
        return shown.toString();
    }

    /** An {@code Authorization: OAuth ...} header (RFC 5849 §3.5.1), each secret parameter masked. */
    static String inAuthorization(String header, boolean accessToken) {
        if (header == null) {
            return null;
        }
        Matcher parameter = HEADER_PARAMETER.matcher(header);
        StringBuilder shown = new StringBuilder();
        while (parameter.find()) {
            String value = names(accessToken).contains(parameter.group(1))
                    ? SecretMask.of(decode(parameter.group(2))) : parameter.group(2);
            parameter.appendReplacement(shown, Matcher.quoteReplacement(parameter.group(1) + "=\"" + value + "\""));
        }
        return parameter.appendTail(shown).toString();
    }

    /**
     * A signature base string (§3.4.1.1): its parameters are encoded twice
     * ({@code name%3Dvalue%26...}); each secret value is masked in place.
     */
    static String inBaseString(String baseString, boolean accessToken) {
        if (baseString == null) {
            return null;
        }
        Matcher parameter = BASE_STRING_PARAMETER.matcher(baseString);
        StringBuilder shown = new StringBuilder();
        while (parameter.find()) {
            String value = names(accessToken).contains(parameter.group(2))
                    ? SecretMask.of(decode(decode(parameter.group(3)))) : parameter.group(3);
            parameter.appendReplacement(shown,
                    Matcher.quoteReplacement(parameter.group(1) + parameter.group(2) + "%3D" + value));
        }
        return parameter.appendTail(shown).toString();
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
