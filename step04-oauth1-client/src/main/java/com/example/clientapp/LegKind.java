package com.example.clientapp;

import com.example.clientapp.common.Leg;

/**
 * The legs of the three-legged dance, as the dance page names them: who
 * sends the message to whom, the RFC section that defines it, and the
 * chapter section that explains it (a path of the repository; the docs
 * build checks that it resolves).
 */
public enum LegKind implements Leg.Kind {

    REQUEST_TOKEN("Temporary credentials: the request token", "client app → provider",
            "RFC 5849 §2.1", "https://www.rfc-editor.org/rfc/rfc5849#section-2.1",
            "docs/04-oauth1-client.md#the-dance-client-side"),
    AUTHORIZATION_REQUEST("The user sent to the provider", "client app → browser → provider",
            "RFC 5849 §2.2", "https://www.rfc-editor.org/rfc/rfc5849#section-2.2",
            "docs/04-oauth1-client.md#the-dance-client-side"),
    AUTHORIZATION_RESPONSE("The answer, at the callback", "provider → browser → client app",
            "RFC 5849 §2.2", "https://www.rfc-editor.org/rfc/rfc5849#section-2.2",
            "docs/04-oauth1-client.md#the-dance-client-side"),
    TOKEN_REQUEST("Token credentials: the verifier exchanged", "client app → provider",
            "RFC 5849 §2.3", "https://www.rfc-editor.org/rfc/rfc5849#section-2.3",
            "docs/03-oauth1-provider.md#the-handlers"),
    API_CALL("The signed API call", "client app → provider",
            "RFC 5849 §3", "https://www.rfc-editor.org/rfc/rfc5849#section-3",
            "docs/03-oauth1-provider.md#the-protected-resource");

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

    /** Which leg a call of the client app to the provider is, by its endpoint. */
    static LegKind ofCall(String path) {
        if (path.endsWith("/oauth/request_token")) {
            return REQUEST_TOKEN;
        }
        if (path.endsWith("/oauth/access_token")) {
            return TOKEN_REQUEST;
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
