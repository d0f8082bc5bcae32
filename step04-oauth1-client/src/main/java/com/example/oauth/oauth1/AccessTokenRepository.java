package com.example.oauth.oauth1;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AccessTokenRepository extends JpaRepository<AccessToken, Long> {

    /** One indexed read, with the client and the user, for every signed API call. */
    @Query("select t from AccessToken t join fetch t.client join fetch t.user where t.token = :token")
    Optional<AccessToken> findByToken(String token);
}
