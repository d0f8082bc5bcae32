package com.example.oauth.client;

import java.util.List;

import org.springframework.web.bind.annotation.BindParam;

/**
 * The registration form of {@code POST /client}, read once for both of its
 * answers (the page and the JSON): Spring MVC builds it from the request's
 * parameters, named by {@code @BindParam}. A field that a lesson adds is
 * added here.
 *
 * @param redirectUris {@code redirect_uri}: one or more, separated by spaces or lines
 * @param scopes       {@code scope}: each checked box sends one; a program may send them space-separated
 * @param clientType   {@code client_type}: public or confidential (RFC 6749 §2.1); empty means confidential
 * @param postLogoutRedirectUris {@code post_logout_redirect_uri}: none or more (RP-Initiated Logout 1.0 §3.1)
 */
public record ClientForm(@BindParam("redirect_uri") String redirectUris, @BindParam("scope") List<String> scopes,
        @BindParam("client_type") String clientType,
        @BindParam("post_logout_redirect_uri") String postLogoutRedirectUris) {

    /** A field left out reads as an empty one. */
    public ClientForm {
        redirectUris = redirectUris == null ? "" : redirectUris;
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        clientType = clientType == null ? "" : clientType;
        postLogoutRedirectUris = postLogoutRedirectUris == null ? "" : postLogoutRedirectUris;
    }
}
