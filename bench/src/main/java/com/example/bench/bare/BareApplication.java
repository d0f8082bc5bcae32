package com.example.bench.bare;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * For start-up times: a Spring Boot app with the starters the steps have
 * (web, FreeMarker, JPA with H2), every auto-configuration on, and nothing
 * of its own but one endpoint.
 */
@SpringBootApplication
@RestController
public class BareApplication {

    @GetMapping("/")
    public Map<String, String> home() {
        return Map.of("hello", "bare");
    }
}
