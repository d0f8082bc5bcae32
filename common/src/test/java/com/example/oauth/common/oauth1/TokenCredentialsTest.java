package com.example.oauth.common.oauth1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TokenCredentialsTest {

    @Test
    void toStringLeavesOutTheSecrets() {
        TokenCredentials token = new TokenCredentials("tok", "token-secret", "key", "client-secret", null,
                List.of("profile"), "alice");

        assertThat(token.toString()).contains("tok", "key", "profile", "alice")
                .doesNotContain("token-secret", "client-secret");
    }
}
