package com.example.oauth.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    /** RFC 9110 §10.2.2: what goes into a Location header is ASCII. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/é|/%C3%A9",
        "/ｃlient|/%EF%BD%83lient",
        "/a b?x=\uD83D\uDE00|/a%20b?x=%F0%9F%98%80",
        "/50%|/50%25",
        "/a%2Fb%zz|/a%2Fb%25zz",
        "/q?a=\"<>|/q?a=%22%3C%3E"})
    void whatAUriCannotHoldIsPercentEncoded(String path, String location) {
        assertThat(LocalPath.isLocal(path)).isTrue();
        assertThat(LocalPath.orHome(path)).isEqualTo(location);
    }

    @Test
    void nullGoesHome() {
        assertThat(LocalPath.orHome(null)).isEqualTo("/");
    }
}
