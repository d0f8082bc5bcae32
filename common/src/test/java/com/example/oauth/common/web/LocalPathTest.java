package com.example.oauth.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/client", "/oauth/authorize?oauth_token=abc&x=%2F"})
    void localPathsAreAccepted(String path) {
        assertThat(LocalPath.isLocal(path)).isTrue();
        assertThat(LocalPath.orHome(path)).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "//evil.example", "/\\evil.example", "/a\\b", "http://evil.example/",
            "javascript:alert(1)", "client", "/a\r\nSet-Cookie: x=y", "/tab\there"})
    void anythingElseGoesHome(String path) {
        assertThat(LocalPath.isLocal(path)).isFalse();
        assertThat(LocalPath.orHome(path)).isEqualTo("/");
    }

    @org.junit.jupiter.api.Test
    void nullGoesHome() {
        assertThat(LocalPath.orHome(null)).isEqualTo("/");
    }
}
