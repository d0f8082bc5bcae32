package com.example.oauth.client;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ClientRepository extends JpaRepository<Client, Long> {

    /** With its owner, whom the consent page names. */
    @Query("select c from Client c join fetch c.owner where c.clientId = :clientId")
    Optional<Client> findByClientId(String clientId);
}
