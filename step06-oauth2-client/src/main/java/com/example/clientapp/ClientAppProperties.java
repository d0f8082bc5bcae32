package com.example.clientapp;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the provider is and who this app is there. Set them as properties
 * ({@code --client-app.client-id=...}) or environment variables
 * ({@code CLIENT_APP_CLIENT_ID=...}).
 *
 * @param providerUrl the provider's base URL, e.g. http://127.0.0.1:5000
 * @param clientId the client_id the provider gave at registration
 * @param clientSecret the client_secret the provider gave at registration (a confidential client)
 * @param callbackUrl where the provider sends the user back: a redirect URI registered for this client
 * @param issuer the provider's issuer identifier (RFC 8414), which its answers carry as iss (RFC 9207)
 */
@ConfigurationProperties("client-app")
public record ClientAppProperties(String providerUrl, String clientId, String clientSecret, String callbackUrl,
        String issuer) {
}
