package com.example.clientapp;

import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.client.RestClient;

/**
 * The app's one registration, found by OpenID Connect Discovery 1.0 from
 * the issuer alone: the endpoints and the key set come from the provider's
 * metadata. Spring Boot's {@code issuer-uri} property does the same at
 * start-up, with an HTTP client of its own; here it happens at the first
 * sign-in, through the app's recorded client, so a provider that starts
 * later (or is down for a while) is found when it is back, and the reader
 * sees the exchange on the dance page.
 */
public class Discovery implements ClientRegistrationRepository {

    private final ClientAppProperties properties;
    private final RestClient http;
    private final ProviderCalls calls;
    private volatile ClientRegistration registration;

    public Discovery(ClientAppProperties properties, RestClient http, ProviderCalls calls) {
        this.properties = properties;
        this.http = http;
        this.calls = calls;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!ClientAppProperties.REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration found = registration;
        if (found == null) {
            synchronized (this) {
                if (registration == null) {
                    registration = discover();
                }
                found = registration;
            }
        }
        return found;
    }

    private ClientRegistration discover() {
        String issuer = properties.issuer();
        // Discovery 1.0 §4: the metadata is at the issuer + /.well-known/openid-configuration.
        Map<String, Object> metadata = http.get().uri(issuer + "/.well-known/openid-configuration").retrieve()
                .body(new ParameterizedTypeReference<Map<String, Object>>() {
                });
        // Discovery 1.0 §4.3: the issuer it names must be exactly the one asked; else
        // another site's metadata could send this app's users and codes elsewhere.
        boolean same = metadata != null && issuer.equals(metadata.get("issuer"));
        calls.checkShared(LegKind.DISCOVERY, "issuer is " + issuer + ", exactly the issuer this app was given"
                + " (Discovery §4.3)", same);
        if (!same) {
            throw new IllegalStateException("The provider's metadata names the issuer "
                    + (metadata == null ? null : metadata.get("issuer")) + ", not " + issuer + ".");
        }
        return ClientRegistrations.fromOidcConfiguration(metadata)
                .registrationId(ClientAppProperties.REGISTRATION_ID)
                .clientName("the tutorial's provider")
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                // RFC 6749 §2.3.1: the secret in a Basic header.
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                // From configuration, not from the request's Host header: registered exactly.
                .redirectUri(properties.redirectUri())
                // OpenID Connect Core §3.1.2.1: openid makes it a sign-in; profile asks for the name.
                .scope("openid", "profile")
                // RFC 9700 §2.1.1: PKCE for a confidential client too (Spring does it for public
                // clients unless asked).
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .build();
    }
}
