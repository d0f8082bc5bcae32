package com.example.oauth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The provider: the site whose users will grant access to their data. Its
 * package is the root of every step, so it also finds what {@code common}
 * brings ({@code com.example.oauth.common}).
 */
@SpringBootApplication
@EnableScheduling // the purge of expired codes and tokens
public class ProviderApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProviderApplication.class, args);
    }
}
