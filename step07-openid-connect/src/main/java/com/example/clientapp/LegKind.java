package com.example.clientapp;

import com.example.clientapp.common.Leg;

/**
 * The legs of an OpenID Connect sign-in and logout, as the dance page names
 * them: who sends the message to whom, the spec section that defines it,
 * and the section of chapter 8 that explains it.
 */
public enum LegKind implements Leg.Kind {

    AUTHORIZATION_REQUEST("The authentication request", "client app → browser → provider",
            "OpenID Connect Core §3.1.2.1, RFC 7636 §4.3", "core-1_0.html#AuthRequest", "the-authentication-request"),
    AUTHORIZATION_RESPONSE("The answer, at the redirect URI", "provider → browser → client app",
            "OpenID Connect Core §3.1.2.5, RFC 9207 §2", "core-1_0.html#AuthResponse", "the-authentication-request"),
    TOKEN_REQUEST("The code exchanged for tokens and an id_token", "client app → provider",
            "OpenID Connect Core §3.1.3.1, §3.1.3.7", "core-1_0.html#TokenRequest", "the-id-token"),
    USERINFO("The UserInfo request", "client app → provider",
            "OpenID Connect Core §5.3", "core-1_0.html#UserInfo", "userinfo"),
    LOGOUT_REQUEST("The logout request", "client app → browser → provider",
            "RP-Initiated Logout 1.0 §2", "rpinitiated-1_0.html#RPLogout", "logout"),
    LOGOUT_RESPONSE("Back from the provider's logout", "provider → browser → client app",
            "RP-Initiated Logout 1.0 §3", "rpinitiated-1_0.html#RedirectionAfterLogout", "logout");

    private final String title;
    private final String route;
    private final String rfc;
    private final String spec;
    private final String section;

    LegKind(String title, String route, String rfc, String spec, String section) {
        this.title = title;
        this.route = route;
        this.rfc = rfc;
        this.spec = spec;
        this.section = section;
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
        return "https://openid.net/specs/openid-connect-" + spec;
    }

    public String chapter() {
        return "docs/08-openid-connect.md#" + section;
    }
}
