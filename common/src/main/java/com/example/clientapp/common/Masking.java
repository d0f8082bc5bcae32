package com.example.clientapp.common;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.oauth.common.security.SecretMask;

/**
 * What the dance page must never show whole, as a client app's protocol
 * names it: each client app says which values of its forms, headers and
 * answers are secrets, and they are shown masked ({@link SecretMask}).
 * The helpers below mask the values of given names in a form or in JSON.
 */
public interface Masking {

    /** A query string or a form body, as sent, each secret value masked. */
    String inForm(String form);

    /** An Authorization header, its secret part masked. */
    String inAuthorization(String header);

    /** An answer's body, read as its Content-Type says; a form unless the client app knows better. */
    default String inBody(String contentType, String body) {
        return inForm(body);
    }

    /** A form body or query string, the value of each parameter named in names masked (the rest as sent). */
    static String inForm(String form, Set<String> names) {
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
            shown.append(eq >= 0 && names.contains(name)
                    ? pair.substring(0, eq + 1) + SecretMask.of(decode(pair.substring(eq + 1)))
                    : pair);
        }
        return shown.toString();
    }

    /** A JSON text, the string value of each member named in names masked. */
    static String inJson(String json, Set<String> names) {
        if (json == null) {
            return null;
        }
        Matcher member = Pattern.compile("\"([A-Za-z_]+)\"(\\s*:\\s*)\"([^\"]*)\"").matcher(json);
        StringBuilder shown = new StringBuilder();
        while (member.find()) {
            String value = names.contains(member.group(1)) ? SecretMask.of(member.group(3)) : member.group(3);
            member.appendReplacement(shown, Matcher.quoteReplacement(
                    "\"" + member.group(1) + "\"" + member.group(2) + "\"" + value + "\""));
        }
        return member.appendTail(shown).toString();
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
