package com.example.oauth.common.oidc;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.example.oauth.common.oauth2.AuthorizationError;
import com.example.oauth.common.oauth2.RequestParameters;

/**
 * What an OpenID Connect authentication request adds to an OAuth 2
 * authorization request (OpenID Connect Core §3.1.2.1): {@code prompt},
 * {@code max_age} and {@code nonce}, checked as §3.1.2.2 asks, with the
 * errors of §3.1.2.6. The OAuth 2 parameters (client, redirect URI, scope,
 * state, PKCE) are the OAuth 2 engine's.
 *
 * <p>An empty parameter counts as not sent (RFC 6749 §3.1). The rules apply
 * to every request, with or without the openid scope (§3.1.2.1 leaves a
 * request without it unspecified): a client that says prompt=none expects
 * no page either way.
 *
 * @param prompt the values of prompt; empty when none was sent
 * @param maxAge the longest time since the user's last login that the client accepts; null if not sent
 * @param nonce exactly as sent, to be put in the id_token; null if not sent
 */
public record AuthenticationRequest(Set<Prompt> prompt, Duration maxAge, String nonce) {

    /**
     * The longest nonce accepted, in bytes of UTF-8. §3.1.2.1 sets no limit;
     * the nonce is stored with the code and copied into the id_token, so it
     * has one. Clients send far less: Spring Security 43 characters, most
     * libraries a UUID or a hash of 32 to 64.
     */
    public static final int MAX_NONCE_BYTES = 255;

    private static final List<String> PARAMETERS =
            List.of("prompt", "max_age", "nonce", "response_type", "scope", "redirect_uri");

    public AuthenticationRequest {
        prompt = prompt.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(prompt));
    }

    /** Whether prompt holds this value. */
    public boolean asks(Prompt value) {
        return prompt.contains(value);
    }

    /**
     * The query as a servlet container gives it (each name with every value
     * sent), already past the OAuth 2 engine's check of the client and the
     * redirect URI: errors go back to the client.
     *
     * @throws AuthenticationError to send to the client's redirect URI
     * @throws AuthorizationError to show on the provider: an openid request without redirect_uri
     */
    public static AuthenticationRequest parse(Map<String, String[]> query) {
        Map<String, List<String>> sent = RequestParameters.of(query);
        Map<String, String> single = new HashMap<>();
        for (String name : PARAMETERS) {
            RequestParameters.once(sent, name, () -> AuthenticationError.invalidRequest(
                    name + " was sent more than once: send each parameter once (RFC 6749 Section 3.1)."))
                    .ifPresent(value -> single.put(name, value));
        }
        // §3.1.2.1: redirect_uri is REQUIRED in an authentication request, though RFC 6749 §3.1.2.3 lets an
        // OAuth 2 request leave out the one URI a client registered. Missing, it is shown here, never
        // redirected to (RFC 6749 §4.1.2.1: "missing, invalid, or mismatching redirection URI").
        if (IdTokens.requested(words(single.get("scope"))) && single.get("redirect_uri") == null) {
            throw AuthorizationError.showToUser("redirect_uri is missing: an OpenID Connect sign-in (scope openid)"
                    + " must name it (OpenID Connect Core Section 3.1.2.1). The application that sent you here"
                    + " built a wrong link.");
        }
        // §6: a provider that does not support request objects answers these errors.
        if (sent.containsKey("request")) {
            throw AuthenticationError.of("request_not_supported", "This provider does not accept request objects:"
                    + " send the parameters in the query (OpenID Connect Core Section 6).");
        }
        if (sent.containsKey("request_uri")) {
            throw AuthenticationError.of("request_uri_not_supported", "This provider does not accept request_uri:"
                    + " send the parameters in the query (OpenID Connect Core Section 6).");
        }
        String responseType = single.get("response_type");
        if (responseType != null && words(responseType).contains("id_token")) {
            throw AuthenticationError.unsupportedResponseType("response_type " + quote(responseType) + " asks for"
                    + " an id_token from the authorization endpoint (the implicit or hybrid flow, OpenID Connect"
                    + " Core Sections 3.2 and 3.3), which this provider does not offer: send response_type=code,"
                    + " and the id_token comes with the token response.");
        }
        Set<Prompt> prompt = prompt(single.get("prompt"));
        Duration maxAge = maxAge(single.get("max_age"));
        String nonce = single.get("nonce");
        if (nonce != null && nonce.getBytes(StandardCharsets.UTF_8).length > MAX_NONCE_BYTES) {
            throw AuthenticationError.invalidRequest("nonce is longer than " + MAX_NONCE_BYTES + " bytes, which no"
                    + " good nonce needs: send a random value of 128 to 256 bits, encoded (for example 43"
                    + " characters of base64url).");
        }
        // Stored with the code and copied into the id_token: no control character (PostgreSQL refuses NUL).
        if (nonce != null && nonce.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw AuthenticationError.invalidRequest("nonce contains a control character, which no good nonce"
                    + " needs: send a random value encoded in base64url or hex.");
        }
        return new AuthenticationRequest(prompt, maxAge, nonce);
    }

    /**
     * The parameters of §3.1.2.1 that the consent form carries, to be
     * checked again at its POST: nonce, prompt, max_age, each as sent.
     */
    public static Map<String, String> formFields(Map<String, String[]> query) {
        return fields(query, List.of("nonce", "prompt", "max_age"));
    }

    /** The parameters of these names sent once, not empty, in this order. */
    static Map<String, String> fields(Map<String, String[]> query, List<String> names) {
        Map<String, List<String>> sent = RequestParameters.of(query);
        Map<String, String> fields = new LinkedHashMap<>();
        names.stream().filter(name -> sent.getOrDefault(name, List.of()).size() == 1)
                .forEach(name -> fields.put(name, sent.get(name).get(0)));
        return fields;
    }

    /**
     * Whether the request says prompt=none, alone or not: the handler then
     * answers at once, without a login page, even to a user who is not
     * logged in (§3.1.2.6 login_required).
     */
    public static boolean asksNoPage(Map<String, String[]> query) {
        return RequestParameters.of(query).getOrDefault("prompt", List.of()).stream()
                .anyMatch(value -> words(value).contains("none"));
    }

    private static List<String> words(String value) {
        return value == null ? List.of() : Arrays.asList(value.split(" "));
    }

    /** §3.1.2.1: a space-separated list of values, case-sensitive; none goes alone. */
    private static Set<Prompt> prompt(String value) {
        Set<Prompt> prompt = EnumSet.noneOf(Prompt.class);
        if (value == null) {
            return prompt;
        }
        for (String word : value.split(" ")) {
            if (!word.isEmpty()) {
                prompt.add(Prompt.of(word).orElseThrow(() -> AuthenticationError.invalidRequest("prompt "
                        + quote(word) + " is not a value this provider knows: use none, login, consent or"
                        + " select_account, separated by spaces (OpenID Connect Core Section 3.1.2.1).")));
            }
        }
        if (prompt.contains(Prompt.NONE) && prompt.size() > 1) {
            // §3.1.2.1: "If this parameter contains none with any other value, an error is returned."
            throw AuthenticationError.invalidRequest("prompt=none means that no page may be shown, so it cannot"
                    + " go with another value (OpenID Connect Core Section 3.1.2.1).");
        }
        return prompt;
    }

    /** §3.1.2.1: a number of seconds, a non-negative integer in ASCII digits. */
    private static Duration maxAge(String value) {
        if (value == null) {
            return null;
        }
        if (!value.matches("[0-9]+")) {
            throw AuthenticationError.invalidRequest("max_age " + quote(value) + " is not a number of seconds:"
                    + " send a non-negative integer in ASCII digits, such as max_age=3600 (OpenID Connect Core"
                    + " Section 3.1.2.1).");
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException tooLong) {
            // More seconds than a long holds: longer ago than any login, so never elapsed.
            return Duration.ofSeconds(Long.MAX_VALUE);
        }
    }

    /**
     * A value the client sent, as it may appear in error_description (RFC
     * 6749 §4.1.2.1: printable ASCII but '"' and '\'), cut short.
     */
    static String quote(String value) {
        String cut = value.length() <= 40 ? value : value.substring(0, 40) + "...";
        StringBuilder safe = new StringBuilder("'");
        for (char c : cut.toCharArray()) {
            safe.append(c < 0x20 || c > 0x7e || c == '"' || c == '\\' ? '?' : c);
        }
        return safe.append('\'').toString();
    }
}
