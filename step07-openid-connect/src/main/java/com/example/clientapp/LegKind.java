package com.example.clientapp;

import com.example.clientapp.common.Leg;

/**
 * The legs of an OpenID Connect sign-in and logout, as the dance page names
 * them: who sends the message to whom, the spec section that defines it,
 * and the chapter section that explains it (a path of the repository; the
 * docs build checks that it resolves).
 */
public enum LegKind implements Leg.Kind {

    DISCOVERY("The provider's metadata, found from its issuer", "client app → provider",
            "OpenID Connect Discovery 1.0 §4", "https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig",
            "docs/08-openid-connect.md#discovery"),
    AUTHORIZATION_REQUEST("The authentication request", "client app → browser → provider",
            "OpenID Connect Core §3.1.2.1, RFC 7636 §4.3",
            "https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest",
            "docs/08-openid-connect.md#the-authentication-request"),
    AUTHORIZATION_RESPONSE("The answer, at the redirect URI", "provider → browser → client app",
            "OpenID Connect Core §3.1.2.5, RFC 9207 §2",
            "https://openid.net/specs/openid-connect-core-1_0.html#AuthResponse",
            "docs/08-openid-connect.md#the-authentication-request"),
    TOKEN_REQUEST("The code exchanged for tokens and an id_token", "client app → provider",
            "OpenID Connect Core §3.1.3.1, §3.1.3.7", "https://openid.net/specs/openid-connect-core-1_0.html#TokenRequest",
            "docs/08-openid-connect.md#the-id-token"),
    JWKS("The provider's public keys", "client app → provider",
            "RFC 7517 §5, OpenID Connect Core §10.1", "https://openid.net/specs/openid-connect-core-1_0.html#Signing",
            "docs/08-openid-connect.md#the-key-set"),
    USERINFO("The UserInfo request", "client app → provider",
            "OpenID Connect Core §5.3", "https://openid.net/specs/openid-connect-core-1_0.html#UserInfo",
            "docs/08-openid-connect.md#userinfo"),
    LOGOUT_REQUEST("The logout request", "client app → browser → provider",
            "RP-Initiated Logout 1.0 §2", "https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout",
            "docs/08-openid-connect.md#logout"),
    LOGOUT_RESPONSE("Back from the provider's logout", "provider → browser → client app",
            "RP-Initiated Logout 1.0 §3",
            "https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RedirectionAfterLogout",
            "docs/08-openid-connect.md#logout");

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
