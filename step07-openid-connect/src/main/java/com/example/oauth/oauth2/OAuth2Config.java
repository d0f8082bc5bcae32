package com.example.oauth.oauth2;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.example.oauth.client.Scopes;
import com.example.oauth.common.config.Issuer;
import com.example.oauth.common.oauth2.OAuth2Provider;

@Configuration
public class OAuth2Config {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The engine of common/, wired to this step's storage; the issuer is read when needed. */
    @Bean
    OAuth2Provider oauth2Provider(DatabaseOAuth2Storage storage, Clock clock, Environment environment) {
        return new OAuth2Provider(storage, clock, () -> Issuer.of(environment), Scopes.KNOWN);
    }
}
