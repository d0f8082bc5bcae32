package com.example.oauth.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretMaskTest {

    @Test
    void aLongSecretShowsItsFirstSixCharactersAndItsLength() {
        String secret = RandomTokens.generate(40);

        assertThat(SecretMask.of(secret)).isEqualTo(secret.substring(0, 6) + "…(40)").doesNotContain(secret);
    }

    @Test
    void aShortSecretShowsAtMostAThirdOfItself() {
        assertThat(SecretMask.of("secret")).isEqualTo("se…(6)");
        assertThat(SecretMask.of("ab")).isEqualTo("…(2)");
        assertThat(SecretMask.of("")).isEqualTo("…(0)");
    }

    @Test
    void nothingStaysNothing() {
        assertThat(SecretMask.of(null)).isNull();
    }
}
