package com.example.oauth.oauth1;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.example.oauth.client.Client;
import com.example.oauth.common.oauth1.TemporaryCredentials;
import com.example.oauth.common.user.User;

/**
 * Temporary credentials (RFC 5849 §2.1), the article's request token: given
 * to a client, authorized by a user, then exchanged once for an access token.
 */
@Entity
@Table(indexes = @Index(columnList = "expiresAt"))
public class RequestToken implements TemporaryCredentials {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 40)
    private String token;

    /** Readable, since it is half of the HMAC key of the exchange (§3.4.2). */
    @Column(nullable = false, length = 60)
    private String tokenSecret;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "client_id")
    private Client client;

    /** Where the user goes back to: a registered redirect URI, or "oob". */
    @Column(nullable = false, length = 500)
    private String callback;

    @Column(nullable = false)
    private String realms;

    @Column(nullable = false)
    private Instant expiresAt;

    /** The user who authorized it; null until then. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    private User user;

    /** SHA-256 of the verifier: the verifier itself travels only to the client. */
    @Column(length = 64)
    private String verifierHash;

    protected RequestToken() {
        // for JPA
    }

    public RequestToken(String token, String tokenSecret, Client client, String callback, List<String> realms,
            Instant expiresAt) {
        this.token = token;
        this.tokenSecret = tokenSecret;
        this.client = client;
        this.callback = callback;
        this.realms = String.join(" ", realms);
        this.expiresAt = expiresAt;
    }

    @Override
    public String getToken() {
        return token;
    }

    @Override
    public String getTokenSecret() {
        return tokenSecret;
    }

    @Override
    public Client getClient() {
        return client;
    }

    @Override
    public String getCallback() {
        return callback;
    }

    public List<String> getRealms() {
        return Arrays.asList(realms.split(" "));
    }

    @Override
    public Instant getExpiresAt() {
        return expiresAt;
    }

    public User getUser() {
        return user;
    }

    @Override
    public String getVerifierHash() {
        return verifierHash;
    }
}
