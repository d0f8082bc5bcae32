package com.example.oauth.oauth2;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

public interface GrantRepository extends JpaRepository<Grant, Long> {

    /** One indexed read, with the client the code was issued to. */
    @Query("select g from Grant g join fetch g.client where g.codeHash = :codeHash")
    Optional<Grant> findByCodeHash(String codeHash);

    /** Revokes the family: one row, whatever tokens it has or is about to have. */
    @Transactional
    @Modifying
    @Query("update Grant g set g.revoked = true where g.id = :id")
    int revoke(Long id);

    /** Expired codes from which no stored token descends (none was issued, or all are purged). */
    @Transactional
    @Modifying
    @Query("delete from Grant g where g.expiresAt < :before"
            + " and not exists (select t from Token t where t.grant = g)")
    int deleteExpired(Instant before);
}
