package com.example.oauth.oauth1;

import org.springframework.data.jpa.repository.JpaRepository;

/** Access tokens are saved here; the API reads them with one SQL query (DatabaseOAuth1Storage). */
public interface AccessTokenRepository extends JpaRepository<AccessToken, Long> {
}
