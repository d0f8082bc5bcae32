package com.example.oauth.openid;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.example.oauth.common.oauth2.OAuth2Provider;
import com.example.oauth.common.oidc.EndSessionEndpoint;
import com.example.oauth.common.oidc.IdTokens;
import com.example.oauth.common.oidc.SigningKeys;

/** The OpenID Connect engine of common/, wired to this step's storage. */
@Configuration
public class OpenIdConfig {

    private static final Logger log = LoggerFactory.getLogger(OpenIdConfig.class);

    /**
     * The signing keys, read and parsed once here, at start-up: a new
     * database gets its first key. With {@code --oidc.rotate-key-at-start=true}
     * a new key is added, which signs from then on, on every instance within
     * a minute; the old one stays in the JWKS until the id_tokens it signed
     * have expired. The log names the key by its kid, never more.
     */
    @Bean
    SigningKeys signingKeys(OpenIdStorage storage, Clock clock,
            @Value("${oidc.rotate-key-at-start:false}") boolean rotate) {
        SigningKeys keys = new SigningKeys(storage, clock);
        log.info("id_tokens are signed with key {}", (rotate ? keys.rotate() : keys.addKeyIfNone()).kid());
        return keys;
    }

    /** The issuer is the OAuth 2 provider's, the same string as in both metadata documents. */
    @Bean
    IdTokens idTokens(SigningKeys keys, Clock clock, OAuth2Provider provider) {
        return new IdTokens(keys, clock, provider::issuer);
    }

    @Bean
    EndSessionEndpoint endSessionEndpoint(IdTokens idTokens, OpenIdStorage storage) {
        return new EndSessionEndpoint(idTokens, storage);
    }
}
