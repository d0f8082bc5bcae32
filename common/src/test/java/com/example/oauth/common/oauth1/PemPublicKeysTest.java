package com.example.oauth.common.oauth1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PemPublicKeysTest {

    @Test
    void readsAnOpensslPublicKey() {
        RSAPublicKey key = PemPublicKeys.parse(WikiVectors.RSA_PUBLIC_KEY_PEM);
        assertThat(key.getModulus().bitLength()).isEqualTo(1024);
        assertThat(key.getPublicExponent()).isEqualTo(BigInteger.valueOf(65537));
    }

    @Test
    void ignoresTextAroundTheBlockAndWindowsLineEnds() {
        String pem = "my key, pasted from a mail:\r\n"
                + WikiVectors.RSA_PUBLIC_KEY_PEM.replace("\n", "\r\n") + "-- \r\nsignature\r\n";
        assertThat(PemPublicKeys.parse(pem)).isEqualTo(PemPublicKeys.parse(WikiVectors.RSA_PUBLIC_KEY_PEM));
    }

    @Test
    void formatWritesWhatParseReads() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();

        String pem = PemPublicKeys.format(keys.getPublic());

        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        assertThat(pem.lines().skip(1).findFirst().orElseThrow()).hasSize(64);
        assertThat(PemPublicKeys.parse(pem)).isEqualTo(keys.getPublic());
    }

    @Test
    void formatReproducesTheOpensslText() {
        assertThat(PemPublicKeys.format(PemPublicKeys.parse(WikiVectors.RSA_PUBLIC_KEY_PEM)))
                .isEqualTo(WikiVectors.RSA_PUBLIC_KEY_PEM);
    }

    @Test
    void anEcKeyIsNotAnRsaKey() throws Exception {
        String ecPem = PemPublicKeys.format(KeyPairGenerator.getInstance("EC").generateKeyPair().getPublic());
        assertThatThrownBy(() -> PemPublicKeys.parse(ecPem))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RSA");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC0YjCwIfYoprq",
        "-----BEGIN PUBLIC KEY-----\nMIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC0YjCwIfYoprq\n",
        "-----END PUBLIC KEY-----\n-----BEGIN PUBLIC KEY-----\n",
        "-----BEGIN PUBLIC KEY-----\nnot*base64!\n-----END PUBLIC KEY-----\n",
        "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
        "-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n",
        "-----BEGIN RSA PUBLIC KEY-----\nMIGJAoGBALRiMLAh9iimur8V\n-----END RSA PUBLIC KEY-----\n",
        "-----BEGIN CERTIFICATE-----\nMIIBpjCCAQ+gAwIBAgIBATANBgkqhkiG9w0BAQUFADAZ\n-----END CERTIFICATE-----\n",
    })
    void invalidInputIsAnIllegalArgument(String pem) {
        assertThatThrownBy(() -> PemPublicKeys.parse(pem)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullIsAnIllegalArgument() {
        assertThatThrownBy(() -> PemPublicKeys.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
