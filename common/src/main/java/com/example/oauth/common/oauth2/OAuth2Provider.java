package com.example.oauth.common.oauth2;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.oauth.common.security.RandomTokens;
import com.example.oauth.common.security.Sha256;
import com.example.oauth.common.user.User;

/**
 * The rules of an OAuth 2 provider, the part Flask-OAuthlib and oauthlib
 * play in the article: the authorization code grant with PKCE (RFC 6749
 * §4.1, RFC 7636), refresh (§6) and client credentials (§4.4), revocation
 * (RFC 7009), introspection (RFC 7662), bearer tokens (RFC 6750) and
 * metadata (RFC 8414), as the Security BCP (RFC 9700) asks.
 *
 * <p>Each public method serves one endpoint: it checks the request, and
 * returns what the handler answers or throws the error the RFC names
 * ({@link AuthorizationError}, {@link OAuth2Error}, {@link BearerTokenError}).
 * It reads and writes storage only through {@link OAuth2Storage}; a refused
 * request changes nothing there, except where an RFC says to revoke.
 */
public class OAuth2Provider<C extends OAuth2Client, G extends OAuth2Grant, T extends OAuth2Token> {

    /** RFC 6749 §4.1.2: a code must live briefly (10 minutes at most is advised). */
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(5);

    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(1);

    /** A refresh token not used for this long dies; each use gives a new one (rotation). */
    public static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(30);

    /**
     * A grant's family (every token descended from one code) ends this long
     * after the code was exchanged, however often it was refreshed: then the
     * user must authorize again. Without it, a refresh token stolen once and
     * refreshed every few weeks would live forever (RFC 9700 §4.14.2 asks
     * for refresh tokens that expire).
     */
    public static final Duration FAMILY_LIFETIME = Duration.ofDays(90);

    /** 32 letters and digits: about 190 bits (RFC 6749 §10.10 asks for at least 128). */
    static final int CODE_LENGTH = 32;

    /** The parameters of RFC 6749 §4.1.1 and RFC 7636 §4.3; §3.1: each may be sent once only. */
    private static final List<String> AUTHORIZATION_PARAMETERS = List.of(
            "response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method");

    /**
     * The longest value each authorization parameter may have, in bytes of
     * UTF-8 (as it travels in a URL; one byte per ASCII character). state
     * and the redirect URI go back in the Location header of the answer,
     * which the server must fit in its 8 KB of response headers: see
     * {@link AuthorizationResponse#MAX_LOCATION_LENGTH}. The others need far
     * less than their limit.
     */
    static final Map<String, Integer> MAX_PARAMETER_BYTES = Map.of(
            "state", 1000, "redirect_uri", 1000,
            "response_type", 200, "client_id", 200, "scope", 200, "code_challenge", 200,
            "code_challenge_method", 200);

    /**
     * RFC 6750 §2.1: {@code Bearer 1*SP b64token}. The scheme is what comes
     * before the first character that cannot be part of a scheme name
     * (a token of RFC 9110 §5.6.2), so that "Bearer" followed by a tab or a
     * comma is a malformed Bearer header, not another scheme.
     */
    private static final Pattern SCHEME_AND_REST = Pattern.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+)(.*)",
            Pattern.DOTALL);
    private static final Pattern BEARER_CREDENTIALS = Pattern.compile(" +([A-Za-z0-9._~+/-]+=*)");

    private final OAuth2Storage<C, G, T> storage;
    private final Clock clock;
    private final Supplier<String> issuer;
    private final List<String> scopesSupported;

    /**
     * @param issuer this provider's base URL (RFC 8414 §2), asked for when
     *        needed: a server on a random port knows it only once it listens
     * @param scopesSupported every scope this provider knows
     */
    public OAuth2Provider(OAuth2Storage<C, G, T> storage, Clock clock, Supplier<String> issuer,
            List<String> scopesSupported) {
        this.storage = storage;
        this.clock = clock;
        this.issuer = issuer;
        this.scopesSupported = List.copyOf(scopesSupported);
    }

    /** RFC 8414 §2: the base URL, without a trailing slash. */
    public String issuer() {
        String url = issuer.get();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** RFC 8414 §3: the metadata document. */
    public Map<String, Object> metadata() {
        return AuthorizationServerMetadata.of(issuer(), scopesSupported);
    }

    // ---------------------------------------------------------------- authorization endpoint

    /**
     * The first half of {@link #checkAuthorizationRequest(Target)}, for anyone: is
     * every parameter within its length, is the client known, and is the
     * redirect URI one it registered? Any error here is shown on the
     * provider's own page and the browser goes nowhere. The handler calls it
     * before it asks for a login, so that a wrong link is explained at once,
     * and asks for the login before the second half, whose
     * other errors redirect (RFC 9700 §4.11.2).
     *
     * @return what the second half, {@link #checkAuthorizationRequest(Target)}, goes on with
     * @throws AuthorizationError to show on the provider, never a redirect
     */
    public Target<C> checkClientAndRedirectUri(Map<String, String[]> query) {
        return clientAndRedirectUri(authorizationParameters(query));
    }

    /** Both halves at once, for a caller that has nothing to do between them. */
    public AuthorizationRequest<C> checkAuthorizationRequest(Map<String, String[]> query) {
        return checkAuthorizationRequest(checkClientAndRedirectUri(query));
    }

    /**
     * RFC 6749 §4.1.1: an authorization request, from the query of the
     * {@code GET} or from the consent form's hidden fields (checked again
     * there, since the browser could have changed them): the second half,
     * after {@link #checkClientAndRedirectUri} found its client and redirect URI.
     *
     * <p>Errors found after the client and its redirect URI are sent back to
     * that URI (§4.1.2.1). Since anyone may register a client with any
     * redirect URI, such a redirect could send a user anywhere (an open
     * redirector, RFC 9700 §4.11.2): the handler calls this method only for
     * a logged-in user, never for a passer-by following a link.
     *
     * @throws AuthorizationError to show on the provider, or to send back to the client
     */
    public AuthorizationRequest<C> checkAuthorizationRequest(Target<C> target) {
        Map<String, List<String>> sent = target.parameters();
        C client = target.client();
        String redirectUri = target.redirectUri();

        // From here on, errors go back to the client, with its state (§4.1.2.1).
        String back = redirectUri;
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
        List<String> scopes = parseScope(first(sent, "scope"));
        String scopeProblem = scopeProblem(scopes, client.getDefaultScopes());
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
        return new AuthorizationRequest<>(client, redirectUri, target.redirectUriGiven(), List.copyOf(scopes),
                state, codeChallenge, parameters);
    }

    /**
     * An authorization request's parameters (each name with every value
     * sent), its known client, and a redirect URI that client registered.
     */
    public record Target<C>(Map<String, List<String>> parameters, C client, String redirectUri,
            boolean redirectUriGiven) {
    }

    /**
     * §4.1.2.1: until the client and its redirect URI are known to be right,
     * an error is shown on the provider and the browser goes nowhere: a
     * redirect to an unchecked URI would make this an open redirector.
     */
    private Target<C> clientAndRedirectUri(Map<String, List<String>> sent) {
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
        C client = storage.findClient(clientId).orElseThrow(() -> AuthorizationError.showToUser(
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
            return new Target<>(sent, client, client.getRedirectUris().get(0), false);
        }
        if (!client.getRedirectUris().contains(redirectUri)) {
            // RFC 9700 §4.1.3: exact match, no prefix or pattern.
            throw AuthorizationError.showToUser("redirect_uri " + ErrorText.quote(redirectUri) + " is not registered"
                    + " for this application. It must be exactly one of " + client.getRedirectUris()
                    + ", with the same scheme, host, port, path and query.");
        }
        return new Target<>(sent, client, redirectUri, true);
    }

    /**
     * §4.1.2: the user allowed the request. A new code, bound to the client,
     * the redirect URI, the scopes, the user and the PKCE challenge, goes
     * back to the client.
     */
    public AuthorizationResponse approve(AuthorizationRequest<C> request, User user) {
        String code = RandomTokens.generate(CODE_LENGTH);
        storage.saveGrant(Sha256.hex(code), request, user, clock.instant().plus(CODE_LIFETIME));
        return AuthorizationResponse.code(request.redirectUri(), code, request.state(), issuer());
    }

    /** §4.1.2.1: the user refused. */
    public AuthorizationResponse deny(AuthorizationRequest<C> request) {
        return AuthorizationResponse.error(request.redirectUri(), "access_denied",
                "The user did not allow the application to act for them.", request.state(), issuer());
    }

    // ---------------------------------------------------------------- token endpoint

    /**
     * RFC 6749 §3.2: a token request, authenticated as §2.3 says, for one of
     * the grants this provider offers.
     *
     * @throws OAuth2Error for any refused request (§5.2)
     */
    public TokenResponse token(FormRequest request) {
        requireForm(request);
        C client = authenticateClient(request);
        String grantType = request.get("grant_type").orElseThrow(() -> OAuth2Error.invalidRequest(
                "grant_type is missing: use authorization_code, refresh_token or client_credentials."));
        switch (grantType) {
            case "authorization_code":
                return authorizationCodeGrant(client, request);
            case "refresh_token":
                return refreshTokenGrant(client, request);
            case "client_credentials":
                return clientCredentialsGrant(client, request);
            case "password":
                throw OAuth2Error.unsupportedGrantType("The password grant is not offered: it hands the user's"
                        + " password to the client (RFC 9700 Section 2.4). Use authorization_code.");
            default:
                throw OAuth2Error.unsupportedGrantType("grant_type " + ErrorText.quote(grantType) + " is not"
                        + " offered: use authorization_code, refresh_token or client_credentials.");
        }
    }

    /** §4.1.3: the code, for a first token. */
    private TokenResponse authorizationCodeGrant(C client, FormRequest request) {
        String code = request.get("code").orElseThrow(() -> OAuth2Error.invalidRequest(
                "code is missing: send the code that came back to the redirect URI."));
        Optional<String> redirectUri = request.get("redirect_uri");
        Optional<String> codeVerifier = request.get("code_verifier");
        if (codeVerifier.isPresent() && !PkceChallenge.isWellFormedVerifier(codeVerifier.get())) {
            throw OAuth2Error.invalidRequest("code_verifier must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~"
                    + " (RFC 7636 Section 4.1).");
        }

        // A code of another client is as unknown as a made-up one.
        G grant = storage.findGrant(Sha256.hex(code))
                .filter(g -> g.getClientId().equals(client.getClientId()))
                .orElseThrow(() -> OAuth2Error.invalidGrant("This code is unknown, or was not issued to this"
                        + " client. Codes live " + CODE_LIFETIME.toMinutes() + " minutes: start again with a new"
                        + " authorization request."));
        // A revoked grant was used before (its tokens were revoked): a second use too.
        if (grant.isUsed() || grant.isRevoked()) {
            throw codeUsedTwice(grant);
        }
        if (!grant.getExpiresAt().isAfter(clock.instant())) {
            throw OAuth2Error.invalidGrant("This code has expired: codes live " + CODE_LIFETIME.toMinutes()
                    + " minutes. Start again with a new authorization request.");
        }
        if (grant.isRedirectUriGiven() && redirectUri.isEmpty()) {
            throw OAuth2Error.invalidRequest("redirect_uri is missing: the authorization request named one, so the"
                    + " token request must name the same (RFC 6749 Section 4.1.3).");
        }
        if (redirectUri.isPresent() && !redirectUri.get().equals(grant.getRedirectUri())) {
            throw OAuth2Error.invalidGrant("redirect_uri is not the one of the authorization request: send exactly "
                    + grant.getRedirectUri() + " (RFC 6749 Section 4.1.3).");
        }
        checkCodeVerifier(client, grant, codeVerifier);

        Instant now = clock.instant();
        BearerToken token = newToken(grant.getScopes(), now.plus(REFRESH_TOKEN_LIFETIME));
        if (!storage.exchangeGrant(grant, token.stored(), now.plus(FAMILY_LIFETIME))) {
            // Another request used the code between our read and our write, or
            // is using it right now.
            throw codeUsedTwice(grant);
        }
        return token.response();
    }

    /**
     * RFC 7636 §4.6, RFC 9700 §2.1.1 and §4.8.2: a verifier that fits the
     * code's challenge if it has one, and no verifier if it has none.
     */
    private void checkCodeVerifier(C client, G grant, Optional<String> codeVerifier) {
        if (grant.getCodeChallenge() == null) {
            if (client.getClientType() == ClientType.PUBLIC) {
                throw OAuth2Error.invalidGrant("This code was issued without PKCE, which a public client must use.");
            }
            // Otherwise an attacker could drop the challenge and later send any verifier (PKCE downgrade).
            if (codeVerifier.isPresent()) {
                throw OAuth2Error.invalidGrant("code_verifier was sent, but the authorization request had no"
                        + " code_challenge: send none, or start again with one (RFC 9700 Section 4.8.2).");
            }
            return;
        }
        if (codeVerifier.isEmpty()) {
            throw OAuth2Error.invalidGrant("code_verifier is missing: this code was issued for a code_challenge,"
                    + " so send the code_verifier it was made from (RFC 7636 Section 4.5).");
        }
        if (!PkceChallenge.matches(codeVerifier.get(), grant.getCodeChallenge())) {
            throw OAuth2Error.invalidGrant("code_verifier does not fit the code_challenge: BASE64URL(SHA256("
                    + "code_verifier)) must equal it (RFC 7636 Section 4.6).");
        }
    }

    /**
     * §4.1.2: a code used twice may have been stolen, and the provider cannot
     * tell which of its users is the thief: every token issued from it is
     * revoked, "when possible": the database may be too busy with the very
     * row to revoke (a first use holding it too long); the refusal stands.
     */
    private OAuth2Error codeUsedTwice(G grant) {
        boolean revoked = storage.revokeGrant(grant);
        return OAuth2Error.invalidGrant("This code was already used, or is being used by another request right now,"
                + " and a code is good once. " + (revoked
                        ? "Every token issued from it is now revoked (RFC 6749 Section 4.1.2)"
                        : "The tokens issued from it could not be revoked yet: the server is busy")
                + ". Start again with a new authorization request.");
    }

    /** §6: a refresh token, for a new access token and a new refresh token (rotation). */
    private TokenResponse refreshTokenGrant(C client, FormRequest request) {
        String refreshToken = request.get("refresh_token").orElseThrow(() -> OAuth2Error.invalidRequest(
                "refresh_token is missing: send the refresh token of the last token response."));
        Optional<String> scope = request.get("scope");

        T token = storage.findRefreshToken(Sha256.hex(refreshToken))
                .filter(t -> t.getClientId().equals(client.getClientId()))
                .orElseThrow(() -> OAuth2Error.invalidGrant(
                        "This refresh token is unknown, or was not issued to this client."));
        if (token.isRevoked()) {
            throw OAuth2Error.invalidGrant(
                    "This refresh token was revoked: the user must authorize the client again.");
        }
        if (token.isRefreshTokenUsed()) {
            throw refreshTokenUsedTwice(token);
        }
        Instant now = clock.instant();
        if (!token.getFamilyExpiresAt().isAfter(now)) {
            throw OAuth2Error.invalidGrant("This grant has ended: refresh tokens are given for "
                    + FAMILY_LIFETIME.toDays() + " days after the code was exchanged, however often they are"
                    + " refreshed. The user must authorize the client again.");
        }
        if (!token.getRefreshExpiresAt().isAfter(now)) {
            throw OAuth2Error.invalidGrant("This refresh token has expired (unused for "
                    + REFRESH_TOKEN_LIFETIME.toDays() + " days): the user must authorize the client again.");
        }
        // §6: any of the scopes the user granted, or fewer; the new refresh
        // token keeps them all.
        List<String> scopes = parseScope(scope.orElse(null));
        String scopeProblem = scopeProblem(scopes, token.getGrantedScopes());
        if (scopeProblem != null) {
            throw OAuth2Error.invalidScope(scopeProblem + " A refresh may ask for the scopes the user granted, or"
                    + " fewer (RFC 6749 Section 6).");
        }
        if (scopes.isEmpty()) {
            scopes = token.getGrantedScopes();
        }

        // The new refresh token dies when the family does, if that comes first.
        Instant refreshExpiresAt = now.plus(REFRESH_TOKEN_LIFETIME);
        if (token.getFamilyExpiresAt().isBefore(refreshExpiresAt)) {
            refreshExpiresAt = token.getFamilyExpiresAt();
        }
        BearerToken next = newToken(scopes, refreshExpiresAt);
        if (!storage.rotateRefreshToken(token, next.stored())) {
            // Another request used the refresh token (or revoked its grant)
            // between our read and our write, or is using it right now.
            throw refreshTokenUsedTwice(token);
        }
        return next.response();
    }

    /**
     * RFC 9700 §4.14.2: a refresh token is good once; used again, it was
     * stolen, or copied, and the provider cannot tell by whom, so every token
     * of the grant is revoked.
     */
    private OAuth2Error refreshTokenUsedTwice(T token) {
        boolean revoked = storage.revokeToken(token);
        return OAuth2Error.invalidGrant("This refresh token was already used, or is being used by another request"
                + " right now, and a refresh token is good once. " + (revoked
                        ? "Every token of this grant is now revoked (RFC 9700 Section 4.14.2)"
                        : "The tokens of this grant could not be revoked yet: the server is busy")
                + ". The user must authorize the client again.");
    }

    /**
     * §4.4: a token for the client itself, for a confidential client only,
     * without a refresh token (§4.4.3). Every scope this provider knows is
     * about a user's data, which a user must grant: a client acting for
     * itself gets none of them, so its token has no scope (§5.2
     * invalid_scope for any it asks). What it may then do is the resource's
     * call; /api/me, which needs a user, refuses it.
     */
    private TokenResponse clientCredentialsGrant(C client, FormRequest request) {
        if (client.getClientType() != ClientType.CONFIDENTIAL) {
            throw OAuth2Error.unauthorizedClient("Only a confidential client may use the client_credentials grant"
                    + " (RFC 6749 Section 4.4).");
        }
        List<String> scopes = parseScope(request.get("scope").orElse(null));
        if (!scopes.isEmpty()) {
            String scope = scopes.get(0);
            throw OAuth2Error.invalidScope(scopesSupported.contains(scope)
                    ? "The scope " + ErrorText.quote(scope) + " is a user's, which only the user can grant: a"
                            + " client_credentials token stands for the client alone and has no scope. Leave"
                            + " scope out, or use authorization_code."
                    : "Unknown scope " + ErrorText.quote(scope) + ": a client_credentials token has no scope."
                            + " Leave scope out.");
        }
        BearerToken token = newToken(List.of(), null);
        storage.saveClientToken(client, token.stored());
        return token.response();
    }

    // ---------------------------------------------------------------- revocation and introspection

    /**
     * RFC 7009 §2.1: the client no longer needs a token. Revoking it ends its
     * whole grant: every access and refresh token descended from the same
     * code. An unknown or already invalid token gets the same 200 (§2.2):
     * there is nothing left to revoke.
     *
     * @throws OAuth2Error 400 {@code invalid_grant} for another client's live
     *         token, which is not revoked (§2.1: "the request is refused")
     * @throws OAuth2Error 503 when the database was too busy to revoke now
     *         (§2.2.1: the client must then assume the token lives, and retry)
     */
    public void revoke(FormRequest request) {
        requireForm(request);
        C client = authenticateClient(request);
        String value = request.get("token").orElseThrow(() -> OAuth2Error.invalidRequest(
                "token is missing: send the access or refresh token to revoke."));
        String hint = request.get("token_type_hint").orElse("");
        Optional<FoundToken<T>> found = findToken(value, hint);
        if (found.isEmpty()) {
            return;
        }
        if (!found.get().token().getClientId().equals(client.getClientId())) {
            if (!isActive(found.get(), clock.instant())) {
                return;
            }
            // RFC 6749 §5.2 names invalid_grant for a token "issued to
            // another client". The client did authenticate: invalid_client
            // (401) would send it looking for a fault in its credentials.
            throw OAuth2Error.invalidGrant("This token was issued to another client, and a client may revoke"
                    + " only its own tokens (RFC 7009 Section 2.1). It was not revoked.");
        }
        if (!storage.revokeToken(found.get().token())) {
            throw OAuth2Error.temporarilyUnavailable("The token could not be revoked now: another request holds"
                    + " its grant. It is still valid: try again in a moment (RFC 7009 Section 2.2.1).");
        }
    }

    /**
     * RFC 7662 §2: is a token live, and what may it do? Only a confidential
     * client, with its secret, may ask, and only about its own tokens: for
     * any other token, as for an unknown one, the answer is
     * {@code {"active": false}} (§2.2).
     */
    public Map<String, Object> introspect(FormRequest request) {
        requireForm(request);
        C client = authenticateClient(request);
        if (client.getClientType() != ClientType.CONFIDENTIAL) {
            throw OAuth2Error.invalidClient("Only a confidential client, with its secret, may introspect tokens"
                    + " (RFC 7662 Section 2.1).");
        }
        String value = request.get("token").orElseThrow(() -> OAuth2Error.invalidRequest(
                "token is missing: send the access or refresh token to look at."));
        String hint = request.get("token_type_hint").orElse("");
        Instant now = clock.instant();
        Optional<FoundToken<T>> found = findToken(value, hint)
                .filter(f -> f.token().getClientId().equals(client.getClientId()))
                .filter(f -> isActive(f, now));
        if (found.isEmpty()) {
            return Map.of("active", false);
        }
        T token = found.get().token();
        boolean refresh = found.get().refreshToken();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("active", true);
        List<String> scopes = refresh ? token.getGrantedScopes() : token.getScopes();
        // A client_credentials token has none.
        if (!scopes.isEmpty()) {
            answer.put("scope", String.join(" ", scopes));
        }
        answer.put("client_id", token.getClientId());
        if (token.getUsername() != null) {
            answer.put("username", token.getUsername());
        }
        // A refresh token is not a bearer token: no token_type (§5.1) for it.
        if (!refresh) {
            answer.put("token_type", TokenResponse.TOKEN_TYPE);
        }
        Instant expiresAt = refresh ? token.getRefreshExpiresAt() : token.getExpiresAt();
        answer.put("exp", expiresAt.getEpochSecond());
        answer.put("iat", token.getIssuedAt().getEpochSecond());
        // The user it stands for. A client_credentials token stands for no
        // user, and gets no sub: a username is free-form, so a user could
        // be named like a client (or "client:" and its id), and a resource
        // server that trusts sub would take one for the other. client_id
        // says which client it is.
        if (token.getUsername() != null) {
            answer.put("sub", token.getUsername());
        }
        answer.put("iss", issuer());
        return answer;
    }

    /** A token found by its value, and which of its two values matched. */
    private record FoundToken<T>(T token, boolean refreshToken) {
    }

    private boolean isActive(FoundToken<T> found, Instant now) {
        return found.refreshToken() ? isRefreshTokenActive(found.token(), now) : isAccessTokenActive(found.token(), now);
    }

    /** RFC 7009 §2.1, RFC 7662 §2.1: the hint says where to look first, not where to look only. */
    private Optional<FoundToken<T>> findToken(String value, String hint) {
        String hash = Sha256.hex(value);
        Supplier<Optional<FoundToken<T>>> asAccess =
                () -> storage.findAccessToken(hash).map(t -> new FoundToken<>(t, false));
        Supplier<Optional<FoundToken<T>>> asRefresh =
                () -> storage.findRefreshToken(hash).map(t -> new FoundToken<>(t, true));
        return hint.equals("refresh_token") ? asRefresh.get().or(asAccess) : asAccess.get().or(asRefresh);
    }

    // ---------------------------------------------------------------- protected resources

    /**
     * RFC 6750: a request for a protected resource that needs {@code scope}.
     * The token is read from the Authorization header only (§2.1): a token in
     * the query would be written into logs and history (§2.3 allows it, the
     * Security BCP advises against it), so one sent there is not seen.
     *
     * @param authorization the request's Authorization header, or null
     * @throws BearerTokenError with the status and challenge of §3
     */
    public AccessTokenInfo checkBearerToken(String authorization, String scope) {
        if (authorization == null) {
            throw BearerTokenError.noToken();
        }
        Matcher schemeAndRest = SCHEME_AND_REST.matcher(authorization.strip());
        // RFC 9110 §11.1: the scheme name is case-insensitive. Another scheme: as if no token.
        if (!schemeAndRest.matches() || !schemeAndRest.group(1).equalsIgnoreCase("Bearer")) {
            throw BearerTokenError.noToken();
        }
        // §3.1: Bearer, but not followed by spaces and a well-formed token (a
        // tab, a comma, nothing, two tokens): a malformed request.
        Matcher credentials = BEARER_CREDENTIALS.matcher(schemeAndRest.group(2));
        if (!credentials.matches()) {
            throw BearerTokenError.invalidRequest("The Authorization header must be Bearer, one space and the token"
                    + " (RFC 6750 Section 2.1).");
        }
        // One read, which also says whether the token's family was revoked.
        AccessTokenInfo token = storage.findAccessTokenInfo(Sha256.hex(credentials.group(1)))
                .filter(t -> t.isActiveAt(clock.instant()))
                .orElseThrow(() -> BearerTokenError.invalidToken("The access token is unknown, expired or revoked."
                        + " Access tokens live " + ACCESS_TOKEN_LIFETIME.toMinutes() + " minutes: use the refresh"
                        + " token, or ask the user again."));
        if (!token.scopes().contains(scope)) {
            throw BearerTokenError.insufficientScope(scope, token.username() == null
                    ? "This token stands for the client itself (client_credentials), which has no scope: this"
                            + " resource needs the scope " + scope + ", which only a user can grant."
                    : "This access token was not granted the scope " + scope + " that this resource needs: ask"
                            + " the user for it.");
        }
        return token;
    }

    // ---------------------------------------------------------------- shared checks

    /** §3.2 (and RFC 7009, RFC 7662): the parameters come as a form. */
    private static void requireForm(FormRequest request) {
        if (!request.formEncoded()) {
            throw OAuth2Error.invalidRequest("Send the parameters as a form body, with Content-Type:"
                    + " application/x-www-form-urlencoded (RFC 6749 Section 3.2).");
        }
    }

    /**
     * §2.3, §3.2.1: who is calling. A confidential client proves it with its
     * secret; a public client has none and sends its client_id alone.
     */
    private C authenticateClient(FormRequest request) {
        ClientAuthentication credentials = ClientAuthentication.of(request);
        C client = storage.findClient(credentials.clientId()).orElseThrow(() -> OAuth2Error.invalidClient(
                "No client is registered with client_id " + ErrorText.quote(credentials.clientId()) + "."));
        if (client.getClientType() == ClientType.PUBLIC) {
            if (credentials.method() != ClientAuthentication.Method.NONE) {
                throw OAuth2Error.invalidClient("This is a public client: it has no secret. Send client_id alone,"
                        + " in the body.");
            }
        } else {
            if (credentials.method() == ClientAuthentication.Method.NONE) {
                throw OAuth2Error.invalidClient("This is a confidential client: send its secret too, in a Basic"
                        + " header or as client_secret in the body.");
            }
            if (!Sha256.matches(credentials.clientSecret(), client.getClientSecretHash())) {
                throw OAuth2Error.invalidClient("The client secret is wrong.");
            }
        }
        return client;
    }

    /** A new access token, and a refresh token unless refreshExpiresAt is null. */
    private BearerToken newToken(List<String> scopes, Instant refreshExpiresAt) {
        return BearerToken.generate(scopes, clock.instant(), ACCESS_TOKEN_LIFETIME, refreshExpiresAt);
    }

    /** isRevoked() covers the token's grant too: a family is revoked as one. */
    private static boolean isAccessTokenActive(OAuth2Token token, Instant now) {
        return !token.isRevoked() && token.getExpiresAt().isAfter(now);
    }

    private static boolean isRefreshTokenActive(OAuth2Token token, Instant now) {
        return !token.isRevoked() && !token.isRefreshTokenUsed() && token.getRefreshExpiresAt() != null
                && token.getRefreshExpiresAt().isAfter(now) && token.getFamilyExpiresAt().isAfter(now);
    }

    /** §3.3: scopes are space-delimited; the same one twice counts once. Empty when none is named. */
    private static List<String> parseScope(String scope) {
        if (scope == null || scope.isBlank()) {
            return List.of();
        }
        return Arrays.stream(scope.strip().split(" +")).distinct().toList();
    }

    /** What is wrong with asking for these scopes, or null when nothing is. */
    private String scopeProblem(List<String> asked, List<String> allowed) {
        for (String scope : asked) {
            if (!scopesSupported.contains(scope)) {
                return "Unknown scope " + ErrorText.quote(scope) + ": this provider knows " + scopesSupported + ".";
            }
            if (!allowed.contains(scope)) {
                return "This client may ask for " + allowed + " only, not " + ErrorText.quote(scope) + ".";
            }
        }
        return null;
    }

    /** The non-empty values of each authorization parameter; §3.1: an empty one counts as not sent. */
    private static Map<String, List<String>> authorizationParameters(Map<String, String[]> query) {
        Map<String, List<String>> sent = new LinkedHashMap<>();
        for (String name : AUTHORIZATION_PARAMETERS) {
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
        return AuthorizationError.backToClient(redirectUri, error, description, state, issuer());
    }
}
