package com.example.clientapp;

import com.example.clientapp.common.Leg;

/**
 * The legs of the authorization code flow, as the dance page names them:
 * who sends the message to whom, the RFC section that defines it, and the
 * chapter section that explains it (a path of the repository; the docs
 * build checks that it resolves).
 */
public enum LegKind implements Leg.Kind {

    AUTHORIZATION_REQUEST("The authorization request", "client app → browser → provider",
            "RFC 6749 §4.1.1, RFC 7636 §4.3", "https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1",
            "docs/06-oauth2-client.md#starting-a-sign-in-a-state-and-a-pkce-pair"),
    AUTHORIZATION_RESPONSE("The answer, at the redirect URI", "provider → browser → client app",
            "RFC 6749 §4.1.2, RFC 9207 §2", "https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2",
            "docs/06-oauth2-client.md#coming-back-state-issuer-then-the-code"),
    TOKEN_REQUEST("The code exchanged for tokens", "client app → provider",
            "RFC 6749 §4.1.3, RFC 7636 §4.5", "https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3",
            "docs/06-oauth2-client.md#coming-back-state-issuer-then-the-code"),
    REFRESH("A refresh", "client app → provider",
            "RFC 6749 §6", "https://www.rfc-editor.org/rfc/rfc6749#section-6",
            "docs/06-oauth2-client.md#calling-the-api-and-refreshing"),
    API_CALL("The API call", "client app → provider",
            "RFC 6750 §2.1", "https://www.rfc-editor.org/rfc/rfc6750#section-2.1",
            "docs/06-oauth2-client.md#calling-the-api-and-refreshing"),
    REVOCATION("The revocation", "client app → provider",
            "RFC 7009 §2.1", "https://www.rfc-editor.org/rfc/rfc7009#section-2.1",
            "docs/06-oauth2-client.md#logout-revokes");

    private final String title;
    private final String route;
    private final String rfc;
    private final String rfcUrl;
    private final String chapter;

    LegKind(String title, String route, String rfc, String rfcUrl, String chapter) {
        this.title = title;
        this.route = route;
        this.rfc = rfc;
        this.rfcUrl = rfcUrl;
        this.chapter = chapter;
    }

    /** Which leg a call of the client app to the provider is, by its endpoint (and grant type). */
    static LegKind ofCall(String path, String form) {
        if (path.endsWith("/oauth/token")) {
            return form.contains("grant_type=refresh_token") ? REFRESH : TOKEN_REQUEST;
        }
        if (path.endsWith("/oauth/revoke")) {
            return REVOCATION;
        }
        return API_CALL;
    }

    public String title() {
        return title;
    }

    public String route() {
        return route;
    }

    public String rfc() {
        return rfc;
    }

    public String rfcUrl() {
        return rfcUrl;
    }

    public String chapter() {
        return chapter;
    }
}
