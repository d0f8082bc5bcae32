package com.example.oauth.common.oauth2;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
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

    /** 32 letters and digits: about 190 bits (RFC 6749 §10.10 asks for at least 128). */
    static final int CODE_LENGTH = 32;

    /** The parameters of RFC 6749 §4.1.1 and RFC 7636 §4.3; the others are ignored (§3.1). */
    private static final List<String> PARAMETERS = List.of(
            "response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method");

    /**
     * The longest state, in bytes of UTF-8. It goes back to the client in
     * the Location header of the answer, which the server must fit in its
     * 8 KB of response headers; a good state (a random value, or the key of
     * the client's own session) needs far less.
     */
    static final int MAX_STATE_BYTES = 1000;

    /** A request's parameters (each name with every value sent), its known client, and a redirect URI it registered. */
    private record ClientAndRedirectUri(Map<String, List<String>> parameters, RegisteredClient client,
            String redirectUri, boolean redirectUriGiven) {
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
     * An authorization request, from the query of the {@code GET} or from
     * the consent form's hidden fields (checked again there, since the
     * browser could have changed them), checked in the order RFC 9700
     * §4.11.2 asks: first the client and its redirect URI, for anyone, so
     * that a wrong link is explained at once; then the login; then the rest,
     * whose errors redirect, and so are sent only to a logged-in user, never
     * to a passer-by following a link (anyone may register a client with any
     * redirect URI).
     *
     * @param loggedInUser the logged-in user's name; the handler's way of
     *        asking for a login, which may throw to send the browser to it
     * @throws AuthorizationError shown on the provider, or sent back to the client
     */
    public AuthorizationRequest check(Map<String, String[]> query, Supplier<String> loggedInUser) {
        ClientAndRedirectUri checked = checkClientAndRedirectUri(query);
        String username = loggedInUser.get();
        return checkRest(checked, username);
    }

    /**
     * The first half: is state short enough to go back, is the client
     * known, and is the redirect URI one it registered?
     *
     * @throws AuthorizationError to show on the provider, never a redirect
     */
    private ClientAndRedirectUri checkClientAndRedirectUri(Map<String, String[]> query) {
        Map<String, List<String>> sent = new LinkedHashMap<>();
        for (String name : PARAMETERS) {
            for (String value : query.getOrDefault(name, new String[0])) {
                RequestParameters.add(sent, name, value);
            }
        }
        for (String state : sent.getOrDefault("state", List.of())) {
            if (state.getBytes(StandardCharsets.UTF_8).length > MAX_STATE_BYTES) {
                throw AuthorizationError.showToUser("state is longer than " + MAX_STATE_BYTES + " bytes, which no"
                        + " good value needs. The application that sent you here built a wrong link: it must keep"
                        + " state shorter.");
            }
        }
        String clientId = RequestParameters.once(sent, "client_id", () -> sentTwiceToUser("client_id"))
                .orElseThrow(() -> AuthorizationError.showToUser("The link names no application: client_id is"
                        + " missing. The application that sent you here must add its client_id."));
        RegisteredClient client = storage.findClient(clientId).orElseThrow(() -> AuthorizationError.showToUser(
                "No application is registered with client_id " + ErrorText.quote(clientId) + ". The application"
                        + " that sent you here must use the client_id it was given when it registered."));
        String redirectUri = RequestParameters.once(sent, "redirect_uri", () -> sentTwiceToUser("redirect_uri"))
                .orElse(null);
        if (redirectUri == null) {
            // §3.1.2.3: with several registered, the request must say which.
            if (client.getRedirectUris().size() != 1) {
                throw AuthorizationError.showToUser("This application registered several redirect URIs "
                        + client.getRedirectUris() + ", so the link must name one with redirect_uri.");
            }
            return new ClientAndRedirectUri(sent, client, client.getRedirectUris().get(0), false);
        }
        if (!isRegistered(client, redirectUri)) {
            throw AuthorizationError.showToUser("redirect_uri " + ErrorText.quote(redirectUri) + " is not registered"
                    + " for this application. It must be exactly one of " + client.getRedirectUris()
                    + ", with the same scheme, host, port, path and query.");
        }
        return new ClientAndRedirectUri(sent, client, redirectUri, true);
    }

    /**
     * RFC 9700 §4.1.3: exactly one of the registered ones, no prefix or
     * pattern; but for a public client's loopback one, any port (RFC 8252 §7.3).
     */
    private static boolean isRegistered(RegisteredClient client, String redirectUri) {
        if (client.getRedirectUris().contains(redirectUri)) {
            return true;
        }
        return client.getClientType() == ClientType.PUBLIC
                && client.getRedirectUris().stream().anyMatch(uri -> LoopbackRedirect.matches(uri, redirectUri));
    }

    /**
     * The second half. Its errors go back to the client's redirect URI, with
     * its state (§4.1.2.1).
     *
     * @throws AuthorizationError to send back to the client
     */
    private AuthorizationRequest checkRest(ClientAndRedirectUri checked, String username) {
        Map<String, List<String>> sent = checked.parameters();
        RegisteredClient client = checked.client();
        String back = checked.redirectUri();
        List<String> states = sent.getOrDefault("state", List.of());
        // Which state would it be, if sent twice? None is sent back.
        String state = states.size() == 1 ? states.get(0) : null;
        for (String name : sent.keySet()) {
            RequestParameters.once(sent, name, () -> backToClient(back, state, "invalid_request", name
                    + " was sent more than once: send each parameter once (RFC 6749 Section 3.1)."));
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
            if (PkceChallenge.isRequiredFor(client)) {
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
        return new AuthorizationRequest(client, username, back, checked.redirectUriGiven(), List.copyOf(scopes),
                state, codeChallenge, parameters);
    }

    /**
     * §4.1.2: the user allowed the request. A new code, bound to the client,
     * the redirect URI, the scopes, the user and the PKCE challenge, goes
     * back to the client; storage keeps only its hash.
     */
    public AuthorizationResponse approve(AuthorizationRequest request) {
        String code = RandomTokens.generate(CODE_LENGTH);
        storage.saveGrant(new NewGrant(Sha256.hex(code), request.client().getClientId(), request.username(),
                request.redirectUri(), request.redirectUriGiven(), request.scopes(), request.codeChallenge(),
                clock.instant().plus(Lifetimes.CODE)));
        return AuthorizationResponse.code(request.redirectUri(), code, request.state(), issuer.get());
    }

    /** §4.1.2.1: the user refused. */
    public AuthorizationResponse deny(AuthorizationRequest request) {
        return AuthorizationResponse.error(request.redirectUri(), "access_denied",
                "The user did not allow the application to act for them.", request.state(), issuer.get());
    }

    private static String first(Map<String, List<String>> sent, String name) {
        List<String> values = sent.get(name);
        return values == null ? null : values.get(0);
    }

    private static AuthorizationError sentTwiceToUser(String name) {
        return AuthorizationError.showToUser(name + " was sent more than once. The application that sent you here"
                + " built a wrong link: it must send each parameter once.");
    }

    private AuthorizationError backToClient(String redirectUri, String state, String error, String description) {
        return AuthorizationError.backToClient(redirectUri, error, description, state, issuer.get());
    }
}
