package com.example.oauth.common.oidc;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** OpenID Connect Core §5.3: the claims a token's scopes allow. */
class UserInfoTest {

    @Test
    void subAlwaysAndTheUsernameOnlyWithProfile() {
        assertThat(UserInfo.of("u-7f3a", "alice", List.of("openid", "profile")))
                .containsExactly(entry("sub", "u-7f3a"), entry("preferred_username", "alice"));
        assertThat(UserInfo.of("u-7f3a", "alice", List.of("openid", "email"))).containsOnlyKeys("sub");
    }

    @Test
    void aTokenWithoutOpenidHasInsufficientScope() {
        assertThatThrownBy(() -> UserInfo.of("u-7f3a", "alice", List.of("profile")))
                .isInstanceOfSatisfying(UserInfoError.class, e -> {
                    assertThat(e.getStatus()).isEqualTo(403);
                    assertThat(e.getError()).isEqualTo("insufficient_scope");
                    assertThat(e.getScope()).isEqualTo("openid");
                    assertThat(e.wwwAuthenticate("api")).startsWith(
                            "Bearer realm=\"api\", error=\"insufficient_scope\", error_description=\"")
                            .endsWith("\", scope=\"openid\"");
                    assertThat(e.toJson()).containsEntry("error", "insufficient_scope").containsKey("error_description");
                });
    }
}
