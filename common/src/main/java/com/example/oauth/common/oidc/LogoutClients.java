package com.example.oauth.common.oidc;

import java.util.List;
import java.util.Optional;

/** What the end-session endpoint needs of the step's client storage. */
public interface LogoutClients {

    /**
     * The post_logout_redirect_uris the client registered (RP-Initiated
     * Logout 1.0 §3.1), possibly none; empty when no such client exists.
     */
    Optional<List<String>> postLogoutRedirectUris(String clientId);
}
