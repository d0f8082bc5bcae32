package com.example.oauth.common.oidc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.example.oauth.common.oauth2.RequestParameters;

/**
 * The end-session endpoint (RP-Initiated Logout 1.0 §2–§4): a client sends
 * the user's browser here to log them out of the provider too, and may ask
 * to have it sent back afterwards.
 *
 * <p>The redirect is the open-redirect risk of this endpoint, so it is
 * granted only when the client is known (by a hint this provider signed,
 * or by client_id when no hint is sent) and the URI is one that client
 * registered, exactly (§3). Anything wrong only costs the redirect: the
 * user is still logged out, on the provider's page, told why (§4). No
 * input makes this throw.
 */
public class EndSessionEndpoint {

    private static final List<String> PARAMETERS =
            List.of("id_token_hint", "client_id", "post_logout_redirect_uri", "state");

    /** Longer values are not read: a registered URI or a state never needs them. */
    static final int MAX_VALUE_LENGTH = 1000;

    private final IdTokens idTokens;
    private final LogoutClients clients;

    public EndSessionEndpoint(IdTokens idTokens, LogoutClients clients) {
        this.idTokens = idTokens;
        this.clients = clients;
    }

    /**
     * The query of the GET (or the fields of the confirmation form, checked
     * again at the POST): id_token_hint, client_id, post_logout_redirect_uri,
     * state. Other parameters (logout_hint, ui_locales) are ignored.
     */
    public EndSessionRequest check(Map<String, String[]> query) {
        Map<String, List<String>> sent = RequestParameters.of(query);
        Map<String, String> single = new HashMap<>();
        for (String name : PARAMETERS) {
            Optional<String> value;
            try {
                value = RequestParameters.once(sent, name, IllegalArgumentException::new);
            } catch (IllegalArgumentException sentTwice) {
                return stay(null, null, name + " was sent more than once.");
            }
            if (!name.equals("id_token_hint") && value.isPresent() && value.get().length() > MAX_VALUE_LENGTH) {
                return stay(null, null, name + " is longer than " + MAX_VALUE_LENGTH + " characters.");
            }
            value.ifPresent(v -> single.put(name, v));
        }
        String hint = single.get("id_token_hint");
        String clientIdSent = single.get("client_id");
        String uri = single.get("post_logout_redirect_uri");

        String clientId = clientIdSent;
        String subject = null;
        if (hint != null) {
            IdTokenClaims claims;
            try {
                claims = idTokens.verifyHint(hint);
            } catch (InvalidIdTokenException e) {
                // §4: "the OP MUST validate that it was the issuer of the ID Token".
                return stay(clientIdSent, null, "The id_token_hint is not an id_token of this provider: "
                        + e.getMessage() + ".");
            }
            clientId = claims.audience();
            subject = claims.subject();
            // §2 client_id: "the OP MUST verify that the Client Identifier matches the one used when issuing
            // the ID Token."
            if (clientIdSent != null && !clientIdSent.equals(clientId)) {
                return stay(null, subject, "client_id does not match the client the id_token_hint was issued to.");
            }
        }
        if (uri == null) {
            return new EndSessionRequest(clientId, subject, null, null, null);
        }
        if (clientId == null) {
            return stay(null, subject, "post_logout_redirect_uri was sent without id_token_hint or client_id, so"
                    + " it is not known which application registered it.");
        }
        Optional<List<String>> registered = clients.postLogoutRedirectUris(clientId);
        if (registered.isEmpty()) {
            return stay(null, subject, "No application is registered with this client_id.");
        }
        // §3: "The OP MUST NOT perform post-logout redirection if the post_logout_redirect_uri value supplied
        // does not exactly match one of the previously registered post_logout_redirect_uris values."
        if (!registered.get().contains(uri)) {
            return stay(clientId, subject, "post_logout_redirect_uri is not one this application registered.");
        }
        return new EndSessionRequest(clientId, subject, uri, single.get("state"), null);
    }

    /** §2: the parameters the confirmation form carries from the GET to the POST, where they are checked again. */
    public static Map<String, String> formFields(Map<String, String[]> query) {
        return AuthenticationRequest.fields(query, PARAMETERS);
    }

    private static EndSessionRequest stay(String clientId, String subject, String problem) {
        return new EndSessionRequest(clientId, subject, null, null, problem);
    }
}
