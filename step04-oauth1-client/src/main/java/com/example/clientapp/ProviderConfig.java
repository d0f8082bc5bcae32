package com.example.clientapp;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.example.clientapp.common.BrowserLegs;
import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.oauth.OAuth10aService;
import com.github.scribejava.httpclient.okhttp.OkHttpHttpClient;

import okhttp3.OkHttpClient;

@Configuration
public class ProviderConfig {

    /** scribejava's OAuth 1.0a client, asking for the realm /api/me needs. */
    @Bean
    OAuth10aService oauthService(ClientAppProperties properties) {
        if (isBlank(properties.clientKey()) || isBlank(properties.clientSecret())) {
            throw new IllegalStateException("The client app needs its credentials: register a client at "
                    + properties.providerUrl() + "/client with the redirect URI " + properties.callbackUrl()
                    + ", then set client-app.client-key and client-app.client-secret"
                    + " (or CLIENT_APP_CLIENT_KEY and CLIENT_APP_CLIENT_SECRET).");
        }
        // Short timeouts: a provider that is down should show an error page, not hang.
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(10))
                .addInterceptor(new ProviderCalls()) // each call becomes a leg of the visitor's dance
                .build();
        return new ServiceBuilder(properties.clientKey())
                .apiSecret(properties.clientSecret())
                .callback(properties.callbackUrl())
                .withScope("profile")
                .httpClient(new OkHttpHttpClient(http))
                .build(new ProviderApi(properties.providerUrl()));
    }

    /** The legs through the browser: the redirect to the consent page, and the answer at the callback. */
    @Bean
    BrowserLegs browserLegs(ClientAppProperties properties) {
        return new BrowserLegs(properties.providerUrl() + "/oauth/authorize", "/authorized",
                LegKind.AUTHORIZATION_REQUEST, LegKind.AUTHORIZATION_RESPONSE, Secrets.BEFORE_ACCESS_TOKEN);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
