package com.example.clientapp;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who the provider is and who this app is there. Set them as properties
 * ({@code --client-app.client-id=...}) or environment variables
 * ({@code CLIENT_APP_CLIENT_ID=...}).
 *
 * @param issuer the provider's issuer (OpenID Connect Discovery 1.0 §2): everything else about it, its
 *        endpoints and its keys, is found from there
 * @param clientId the client_id the provider gave at registration
 * @param clientSecret the client_secret the provider gave at registration (a confidential client)
 * @param authorizationEndpoint where the sign-in's redirect goes, as the provider's metadata names it: the
 *        dance page knows that redirect by it
 * @param baseUrl this app as the browser reaches it, e.g. http://localhost:8000: its redirect URI and its
 *        post-logout redirect URI are made from it, never from a request's Host header
 * @param docsUrl where the repository's files are read in a browser (e.g. its GitHub page's blob/main), so
 *        that the dance page can link each leg to its chapter; empty: the page names the chapter's path
 */
@ConfigurationProperties("client-app")
public record ClientAppProperties(String issuer, String clientId, String clientSecret,
        String authorizationEndpoint, String baseUrl, String docsUrl) {

    /** The one provider this app signs in with, as Spring Security names it in its paths. */
    public static final String REGISTRATION_ID = "tutorial";

    /** OpenID Connect Core §3.1.2.1: registered exactly at the provider. */
    public String redirectUri() {
        return baseUrl + "/login/oauth2/code/" + REGISTRATION_ID;
    }

    /** RP-Initiated Logout 1.0 §2: registered exactly at the provider too. */
    public String postLogoutRedirectUri() {
        return baseUrl + "/";
    }
}
