package com.example.oauth.common.testing;

import com.github.scribejava.core.builder.api.DefaultApi20;
import com.github.scribejava.core.oauth2.clientauthentication.ClientAuthentication;
import com.github.scribejava.core.oauth2.clientauthentication.HttpBasicAuthenticationScheme;

/**
 * scribejava's description of this tutorial's OAuth 2 provider, at any base
 * URL. A confidential client authenticates with Basic (scribejava's
 * default); a public client sends its client_id in the body, and no secret.
 */
public class TutorialOAuth2Api extends DefaultApi20 {

    private final String baseUrl;
    private final ClientAuthentication clientAuthentication;

    public TutorialOAuth2Api(String baseUrl) {
        this(baseUrl, HttpBasicAuthenticationScheme.instance());
    }

    public TutorialOAuth2Api(String baseUrl, ClientAuthentication clientAuthentication) {
        this.baseUrl = baseUrl;
        this.clientAuthentication = clientAuthentication;
    }

    @Override
    public String getAccessTokenEndpoint() {
        return baseUrl + "/oauth/token";
    }

    @Override
    protected String getAuthorizationBaseUrl() {
        return baseUrl + "/oauth/authorize";
    }

    @Override
    public String getRevokeTokenEndpoint() {
        return baseUrl + "/oauth/revoke";
    }

    @Override
    public ClientAuthentication getClientAuthentication() {
        return clientAuthentication;
    }
}
