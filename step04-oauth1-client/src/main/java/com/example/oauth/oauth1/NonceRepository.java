package com.example.oauth.oauth1;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

public interface NonceRepository extends JpaRepository<Nonce, Long> {

    @Transactional
    @Modifying
    @Query("delete from Nonce n where n.timestamp < :oldest")
    int deleteOlderThan(long oldest);
}
