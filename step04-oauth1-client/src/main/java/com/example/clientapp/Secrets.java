package com.example.clientapp;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.clientapp.common.Masking;
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
 *
 * @param names the parameters that hold a secret
 */
record Secrets(Set<String> names) implements Masking {

    /** Before any access token exists: the request token and the callback's query. */
    static final Secrets BEFORE_ACCESS_TOKEN = new Secrets(Set.of("oauth_token_secret", "oauth_verifier"));
    static final Secrets WITH_ACCESS_TOKEN = new Secrets(Set.of("oauth_token_secret", "oauth_verifier", "oauth_token"));

    private static final Pattern HEADER_PARAMETER = Pattern.compile("([A-Za-z_]+)=\"([^\"]*)\"");
    private static final Pattern BASE_STRING_PARAMETER = Pattern.compile("(^|&|%26)([A-Za-z_]+)%3D(.*?)(?=%26|$)");

    static Secrets of(boolean accessToken) {
        return accessToken ? WITH_ACCESS_TOKEN : BEFORE_ACCESS_TOKEN;
    }

    /** A form body or query string, each secret value masked (the rest as sent). */
    @Override
    public String inForm(String form) {
        return Masking.inForm(form, names);
    }

    /** An {@code Authorization: OAuth ...} header (RFC 5849 §3.5.1), each secret parameter masked. */
    @Override
    public String inAuthorization(String header) {
        if (header == null) {
            return null;
        }
        Matcher parameter = HEADER_PARAMETER.matcher(header);
        StringBuilder shown = new StringBuilder();
        while (parameter.find()) {
            String value = names.contains(parameter.group(1))
                    ? SecretMask.of(Masking.decode(parameter.group(2))) : parameter.group(2);
            parameter.appendReplacement(shown, Matcher.quoteReplacement(parameter.group(1) + "=\"" + value + "\""));
        }
        return parameter.appendTail(shown).toString();
    }

    /**
     * A signature base string (§3.4.1.1): its parameters are encoded twice
     * ({@code name%3Dvalue%26...}); each secret value is masked in place.
     */
    String inBaseString(String baseString) {
        if (baseString == null) {
            return null;
        }
        Matcher parameter = BASE_STRING_PARAMETER.matcher(baseString);
        StringBuilder shown = new StringBuilder();
        while (parameter.find()) {
            String value = names.contains(parameter.group(2))
                    ? SecretMask.of(Masking.decode(Masking.decode(parameter.group(3)))) : parameter.group(3);
            parameter.appendReplacement(shown,
                    Matcher.quoteReplacement(parameter.group(1) + parameter.group(2) + "%3D" + value));
        }
        return parameter.appendTail(shown).toString();
    }
}
