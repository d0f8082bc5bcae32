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

    /**
     * Records the user's yes in one statement: 1 if the token was still
     * waiting for an answer, 0 if another answer came first or it expired.
     */
    @Transactional
    @Modifying
    @Query("update RequestToken t set t.verifierHash = :verifierHash,"
            + " t.user = (select u from User u where u.username = :username)"
            + " where t.token = :token and t.verifierHash is null and t.expiresAt > :now")
    int authorize(String token, String username, String verifierHash, Instant now);

    /** Deletes a token nobody authorized (the user said no): 1 if it was still waiting. */
    @Transactional
    @Modifying
    @Query("delete from RequestToken t where t.token = :token and t.verifierHash is null")
    int deletePending(String token);

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
