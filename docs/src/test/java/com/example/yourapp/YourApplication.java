package com.example.yourapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot app of your own that signs its users in at the tutorial's
 * OAuth 2 provider (step05), with Spring Security's OAuth 2 client and
 * nothing else: its whole configuration is {@code application.yml}. The
 * chapter "To production" quotes it; SignInWithSpringBootTest (in the docs
 * module's tests) runs it against step05's jar.
 */
@SpringBootApplication
public class YourApplication {

    public static void main(String[] args) {
        SpringApplication.run(YourApplication.class, args);
    }
}
