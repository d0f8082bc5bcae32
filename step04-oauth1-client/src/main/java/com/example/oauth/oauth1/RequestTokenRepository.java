package com.example.oauth.oauth1;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

public interface RequestTokenRepository extends JpaRepository<RequestToken, Long> {

    /** One query: the token with its client, the client's owner and the user, for the pages. */
    @Query("select t from RequestToken t join fetch t.client c join fetch c.owner left join fetch t.user"
            + " where t.token = :token")
    Optional<RequestToken> findByToken(String token);

    /** Deletes an authorized token: 1 for the one caller who used it up, 0 for any other. */
    @Transactional
    @Modifying
    @Query("delete from RequestToken t where t.token = :token and t.verifierHash is not null")
    int deleteAuthorized(String token);

    @Transactional
    @Modifying
    @Query("delete from RequestToken t where t.expiresAt < :now")
    int deleteExpired(Instant now);
}
