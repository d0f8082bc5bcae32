package com.example.clientapp;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.example.clientapp.common.BrowserLegs;
import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.oauth.OAuth20Service;
import com.github.scribejava.httpclient.okhttp.OkHttpHttpClient;

import okhttp3.OkHttpClient;

@Configuration
public class ProviderConfig {

    /**
     * scribejava's OAuth 2 client: a confidential client that sends its
     * secret in a Basic header (client_secret_basic) and asks for the scope
     * /api/me needs.
     */
    @Bean
    OAuth20Service oauthService(ClientAppProperties properties) {
        if (isBlank(properties.clientId()) || isBlank(properties.clientSecret())) {
            throw new IllegalStateException("The client app needs its credentials: register a confidential client at "
                    + properties.providerUrl() + "/client with the redirect URI " + properties.callbackUrl()
                    + ", then set client-app.client-id and client-app.client-secret"
                    + " (or CLIENT_APP_CLIENT_ID and CLIENT_APP_CLIENT_SECRET).");
        }
        // Short timeouts: a provider that is down should show an error page, not hang.
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(10))
                .addInterceptor(new ProviderCalls()) // each call becomes a leg of the visitor's dance
                .build();
        return new ServiceBuilder(properties.clientId())
                .apiSecret(properties.clientSecret())
                .callback(properties.callbackUrl())
                .defaultScope("profile")
                .httpClient(new OkHttpHttpClient(http))
                .build(new ProviderApi(properties.providerUrl()));
    }

    /** The legs through the browser: the authorization request, and the answer at the redirect URI. */
    @Bean
    BrowserLegs browserLegs(ClientAppProperties properties) {
        return new BrowserLegs(properties.providerUrl() + "/oauth/authorize", "/authorized",
                LegKind.AUTHORIZATION_REQUEST, LegKind.AUTHORIZATION_RESPONSE, Secrets.MASKING);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
