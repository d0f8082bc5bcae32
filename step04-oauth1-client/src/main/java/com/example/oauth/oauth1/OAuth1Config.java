package com.example.oauth.oauth1;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.example.oauth.common.oauth1.OAuth1Provider;

@Configuration
public class OAuth1Config {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The engine of common/, wired to this step's storage. */
    @Bean
    OAuth1Provider oauth1Provider(DatabaseOAuth1Storage storage, Clock clock) {
        return new OAuth1Provider(storage, clock);
    }
}
