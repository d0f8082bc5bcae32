package com.example.oauth.oauth2;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

public interface TokenRepository extends JpaRepository<Token, Long> {

    /** One indexed read, with the client, the user, and the grant, whose flag says whether the family was revoked. */
    @Query("select t from Token t join fetch t.client left join fetch t.user left join fetch t.grant"
            + " where t.accessTokenHash = :hash")
    Optional<Token> findByAccessTokenHash(String hash);

    /** One indexed read, with the client, the user and the grant (its scopes, its flag, its end). */
    @Query("select t from Token t join fetch t.client left join fetch t.user left join fetch t.grant"
            + " where t.refreshTokenHash = :hash")
    Optional<Token> findByRefreshTokenHash(String hash);

    /**
     * Marks a live refresh token of a live family used: 1 for the one caller
     * who used it up, 0 for any other.
     */
    @Transactional
    @Modifying
    @Query("update Token t set t.refreshTokenUsed = true"
            + " where t.id = :id and t.refreshTokenUsed = false and t.revoked = false"
            + " and exists (select g.id from Grant g where g.id = t.grant.id and g.revoked = false)")
    int markRefreshTokenUsed(Long id);

    /** The token rows of a family that exist now (see DatabaseOAuth2Storage.revokeFamily). */
    @Transactional
    @Modifying
    @Query("update Token t set t.revoked = true where t.grant = :grant")
    int revokeAllOf(Grant grant);

    /** A token without a family (client_credentials). */
    @Transactional
    @Modifying
    @Query("update Token t set t.revoked = true where t.id = :id")
    int revoke(Long id);

    /** Tokens whose access token and refresh token (if any) have both expired. */
    @Transactional
    @Modifying
    @Query("delete from Token t where t.expiresAt < :before"
            + " and (t.refreshExpiresAt is null or t.refreshExpiresAt < :before)")
    int deleteExpired(Instant before);
}
