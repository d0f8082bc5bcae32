package com.example.oauth.oauth1;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import com.example.oauth.client.Client;
import com.example.oauth.common.user.User;

/**
 * Token credentials (RFC 5849 §2.3), the article's access token: lets one
 * client act for one user within the realms the user granted.
 */
@Entity
public class AccessToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 40)
    private String token;

    /** Readable, since it is half of the HMAC key of every request (§3.4.2). */
    @Column(nullable = false, length = 60)
    private String tokenSecret;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "client_id")
    private Client client;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private User user;

    @Column(nullable = false)
    private String realms;

    @Column(nullable = false)
    private Instant createdAt;

    protected AccessToken() {
        // for JPA
    }

    public AccessToken(String token, String tokenSecret, Client client, User user, List<String> realms,
            Instant createdAt) {
        this.token = token;
        this.tokenSecret = tokenSecret;
        this.client = client;
        this.user = user;
        this.realms = String.join(" ", realms);
        this.createdAt = createdAt;
    }
}
