package com.example.oauth.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpsOrLoopbackTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example/cb", "HTTPS://app.example/cb", "http://localhost:8000/authorized",
            "http://LocalHost/cb", "http://127.0.0.1/cb", "http://127.0.0.1:51234/cb", "http://[::1]:8000/cb"})
    void httpsAnywhereAndHttpOnALoopbackHostAreAllowed(String uri) {
        assertThat(HttpsOrLoopback.allows(URI.create(uri))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://evil.example/cb", "http://example.com/cb", "http://localhost.evil.example/cb",
            "http://127.0.0.2/cb", "http://10.0.0.1/cb", "http://[::2]/cb", "http://localhost./cb",
            "ftp://localhost/cb", "http:///cb", "/cb"})
    void anythingElseIsNot(String uri) {
        assertThat(HttpsOrLoopback.allows(URI.create(uri))).isFalse();
    }
}
