package com.example.clientapp;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the provider is and who this app is there. Set them as properties
 * ({@code --client-app.client-key=...}) or environment variables
 * ({@code CLIENT_APP_CLIENT_KEY=...}).
 *
 * @param providerUrl the provider's base URL, e.g. http://127.0.0.1:5000
 * @param clientKey the client key the provider gave at registration
 * @param clientSecret the client secret the provider gave at registration
 * @param callbackUrl where the provider sends the user back: a redirect URI registered for this client
 */
@ConfigurationProperties("client-app")
public record ClientAppProperties(String providerUrl, String clientKey, String clientSecret, String callbackUrl) {
}
