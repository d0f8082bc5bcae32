package com.example.oauth.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class IssuerTest {

    @Test
    void theIssuerIsThePropertyOrElseTheAddressAndPortThisProviderListensOn() {
        MockEnvironment environment = new MockEnvironment();
        environment.setProperty("server.port", "5000");
        assertThat(Issuer.of(environment)).isEqualTo("http://127.0.0.1:5000");

        environment.setProperty("local.server.port", "54321");
        assertThat(Issuer.of(environment)).isEqualTo("http://127.0.0.1:54321");

        environment.setProperty("oauth2.issuer", "https://login.example");
        assertThat(Issuer.of(environment)).isEqualTo("https://login.example");
    }
}
