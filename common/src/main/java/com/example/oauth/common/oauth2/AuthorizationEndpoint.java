package com.example.oauth.common.oauth2;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.example.oauth.common.security.RandomTokens;
import com.example.oauth.common.security.Sha256;

/**
 * The authorization endpoint, {@code /oauth/authorize} (RFC 6749 §4.1.1,
 * §4.1.2): a browser brings a client's request, the user allows or denies
 * it, and the browser goes back to the client with a code or an error.
 *
 * <p>The request is checked in two halves. Until the client and its
 * redirect URI are known to be right, an error is shown on the provider and
 * the browser goes nowhere (§4.1.2.1): a redirect to an unchecked URI would
 * make this an open redirector. After them, errors go back to the client.
 */
public class AuthorizationEndpoint {

    /** RFC 6749 §4.1.2: a code must live briefly (10 minutes at most is advised). */
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(5);

    /** 32 letters and digits: about 190 bits (RFC 6749 §10.10 asks for at least 128). */
    static final int CODE_LENGTH = 32;

    /** The parameters of RFC 6749 §4.1.1 and RFC 7636 §4.3; §3.1: each may be sent once only. */
    private static final List<String> PARAMETERS = List.of(
            "response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method");

    /**
     * The longest value each parameter may have, in bytes of UTF-8 (as it
     * travels in a URL; one byte per ASCII character). state and the
     * redirect URI go back in the Location header of the answer, which the
     * server must fit in its 8 KB of response headers: see
     * {@link AuthorizationResponse#MAX_LOCATION_LENGTH}. The others need far
     * less than their limit.
     */
    static final Map<String, Integer> MAX_PARAMETER_BYTES = Map.of(
            "state", 1000, "redirect_uri", 1000,
            "response_type", 200, "client_id", 200, "scope", 200, "code_challenge", 200,
            "code_challenge_method", 200);

    /**
     * An authorization request's parameters (each name with every value
     * sent), its known client, and a redirect URI that client registered.
     */
    public record Target(Map<String, List<String>> parameters, RegisteredClient client, String redirectUri,
            boolean redirectUriGiven) {
    }

    private final OAuth2Storage storage;
    private final Clock clock;
    private final Supplier<String> issuer;
    private final List<String> scopesSupported;

    public AuthorizationEndpoint(OAuth2Storage storage, Clock clock, Supplier<String> issuer,
            List<String> scopesSupported) {
        this.storage = storage;
        this.clock = clock;
        this.issuer = issuer;
        this.scopesSupported = List.copyOf(scopesSupported);
    }

    /**
     * The first half, for anyone: is every parameter within its length, is
     * the client known, and is the redirect URI one it registered? The
     * handler calls it before it asks for a login, so that a wrong link is
     * explained at once, and asks for the login before the second half,
     * whose errors redirect (RFC 9700 §4.11.2).
     *
     * @throws AuthorizationError to show on the provider, never a redirect
     */
    public Target checkClientAndRedirectUri(Map<String, String[]> query) {
        Map<String, List<String>> sent = sentParameters(query);
        // First the lengths, so that nothing long is looked up, stored or
        // sent back; the value itself is not quoted.
        for (Map.Entry<String, List<String>> parameter : sent.entrySet()) {
            int max = MAX_PARAMETER_BYTES.get(parameter.getKey());
            for (String value : parameter.getValue()) {
                if (value.getBytes(StandardCharsets.UTF_8).length > max) {
                    throw AuthorizationError.showToUser(parameter.getKey() + " is longer than " + max + " bytes,"
                            + " which no good value needs. The application that sent you here built a wrong link:"
                            + " it must keep " + parameter.getKey() + " shorter.");
                }
            }
        }
        if (sent.getOrDefault("client_id", List.of()).size() > 1) {
            throw AuthorizationError.showToUser("client_id was sent more than once. The application that sent you"
                    + " here built a wrong link: it must send each parameter once.");
        }
        String clientId = first(sent, "client_id");
        if (clientId == null) {
            throw AuthorizationError.showToUser("The link names no application: client_id is missing. The"
                    + " application that sent you here must add its client_id.");
        }
        RegisteredClient client = storage.findClient(clientId).orElseThrow(() -> AuthorizationError.showToUser(
                "No application is registered with client_id " + ErrorText.quote(clientId) + ". The application"
                        + " that sent you here must use the client_id it was given when it registered."));
        if (sent.getOrDefault("redirect_uri", List.of()).size() > 1) {
            throw AuthorizationError.showToUser("redirect_uri was sent more than once. The application that sent"
                    + " you here built a wrong link: it must send each parameter once.");
        }
        String redirectUri = first(sent, "redirect_uri");
        if (redirectUri == null) {
            // §3.1.2.3: with several registered, the request must say which.
            if (client.getRedirectUris().size() != 1) {
                throw AuthorizationError.showToUser("This application registered several redirect URIs "
                        + client.getRedirectUris() + ", so the link must name one with redirect_uri.");
            }
            return new Target(sent, client, client.getRedirectUris().get(0), false);
        }
        if (!client.getRedirectUris().contains(redirectUri)) {
            // RFC 9700 §4.1.3: exact match, no prefix or pattern.
            throw AuthorizationError.showToUser("redirect_uri " + ErrorText.quote(redirectUri) + " is not registered"
                    + " for this application. It must be exactly one of " + client.getRedirectUris()
                    + ", with the same scheme, host, port, path and query.");
        }
        return new Target(sent, client, redirectUri, true);
    }

    /**
     * The second half, from the query of the {@code GET} or from the consent
     * form's hidden fields (checked again there, since the browser could
     * have changed them). Its errors go back to the client's redirect URI,
     * with its state (§4.1.2.1): the handler calls it only for a logged-in
     * user, never for a passer-by following a link (RFC 9700 §4.11.2).
     *
     * @throws AuthorizationError to send back to the client
     */
    public AuthorizationRequest checkAuthorizationRequest(Target target) {
        Map<String, List<String>> sent = target.parameters();
        RegisteredClient client = target.client();
        String back = target.redirectUri();
        List<String> states = sent.getOrDefault("state", List.of());
        String state = states.size() == 1 ? states.get(0) : null;
        for (Map.Entry<String, List<String>> parameter : sent.entrySet()) {
            if (parameter.getValue().size() > 1) {
                throw backToClient(back, state, "invalid_request", parameter.getKey()
                        + " was sent more than once: send each parameter once (RFC 6749 Section 3.1).");
            }
        }
        String responseType = first(sent, "response_type");
        if (responseType == null) {
            throw backToClient(back, state, "invalid_request", "response_type is missing: send response_type=code.");
        }
        if (!responseType.equals("code")) {
            throw backToClient(back, state, "unsupported_response_type", "response_type "
                    + ErrorText.quote(responseType) + " is not offered: use response_type=code. The implicit grant"
                    + " (token) is not offered (RFC 9700 Section 2.1.2).");
        }

        // §3.3: no scope named means the client's registered ones.
        List<String> scopes = AccessTokenScope.parse(first(sent, "scope"));
        String scopeProblem = AccessTokenScope.problem(scopes, scopesSupported, client.getDefaultScopes());
        if (scopeProblem != null) {
            throw backToClient(back, state, "invalid_scope", scopeProblem);
        }
        if (scopes.isEmpty()) {
            scopes = client.getDefaultScopes();
        }

        String codeChallenge = first(sent, "code_challenge");
        String method = first(sent, "code_challenge_method");
        if (codeChallenge == null) {
            if (method != null) {
                throw backToClient(back, state, "invalid_request",
                        "code_challenge_method was sent without code_challenge.");
            }
            // RFC 7636 §4.4.1, RFC 9700 §2.1.1: a public client must use PKCE.
            if (client.getClientType() == ClientType.PUBLIC) {
                throw backToClient(back, state, "invalid_request", "A public client must use PKCE: send"
                        + " code_challenge=BASE64URL(SHA256(code_verifier)) and code_challenge_method=S256"
                        + " (RFC 7636 Section 4.3).");
            }
        } else {
            // RFC 7636 §4.3: no method means plain, which is refused.
            if (!PkceChallenge.S256.equals(method)) {
                throw backToClient(back, state, "invalid_request", (method == null
                        ? "code_challenge_method is missing, which means plain"
                        : "code_challenge_method " + ErrorText.quote(method) + " is not supported")
                        + ": send code_challenge_method=S256 (plain is refused, RFC 9700 Section 2.1.1).");
            }
            if (!PkceChallenge.isWellFormedChallenge(codeChallenge)) {
                throw backToClient(back, state, "invalid_request", "code_challenge must be 43 characters of"
                        + " base64url (A-Z a-z 0-9 - _): BASE64URL(SHA256(code_verifier)) without padding"
                        + " (RFC 7636 Section 4.2).");
            }
        }

        Map<String, String> parameters = new LinkedHashMap<>();
        sent.forEach((name, values) -> parameters.put(name, values.get(0)));
        return new AuthorizationRequest(client, target.redirectUri(), target.redirectUriGiven(),
                List.copyOf(scopes), state, codeChallenge, parameters);
    }

    /**
     * §4.1.2: the user allowed the request. A new code, bound to the client,
     * the redirect URI, the scopes, the user and the PKCE challenge, goes
     * back to the client; storage keeps only its hash.
     */
    public AuthorizationResponse approve(AuthorizationRequest request, String username) {
        String code = RandomTokens.generate(CODE_LENGTH);
        storage.saveGrant(Sha256.hex(code), request, username, clock.instant().plus(CODE_LIFETIME));
        return AuthorizationResponse.code(request.redirectUri(), code, request.state(), issuer.get());
    }

    /** §4.1.2.1: the user refused. */
    public AuthorizationResponse deny(AuthorizationRequest request) {
        return AuthorizationResponse.error(request.redirectUri(), "access_denied",
                "The user did not allow the application to act for them.", request.state(), issuer.get());
    }

    /** The non-empty values of each authorization parameter; §3.1: an empty one counts as not sent. */
    private static Map<String, List<String>> sentParameters(Map<String, String[]> query) {
        Map<String, List<String>> sent = new LinkedHashMap<>();
        for (String name : PARAMETERS) {
            List<String> values = new ArrayList<>();
            for (String value : query.getOrDefault(name, new String[0])) {
                if (!value.isEmpty()) {
                    values.add(value);
                }
            }
            if (!values.isEmpty()) {
                sent.put(name, values);
            }
        }
        return sent;
    }

    private static String first(Map<String, List<String>> sent, String name) {
        List<String> values = sent.get(name);
        return values == null ? null : values.get(0);
    }

    private AuthorizationError backToClient(String redirectUri, String state, String error, String description) {
        return AuthorizationError.backToClient(redirectUri, error, description, state, issuer.get());
    }
}
