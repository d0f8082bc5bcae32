package com.example.oauth.oauth1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * A nonce already seen (RFC 5849 §3.3). The unique constraint is what makes
 * a replay fail, even when two copies of a request arrive at once. Rows
 * older than the timestamp window are purged: such a request would be
 * refused for its timestamp anyway.
 */
@Entity
// Timestamp first: the purge (timestamp < oldest) uses this same index, so
// each signed call, which inserts a row, writes one index, not two; and new
// rows land together at its end, where a random key (say, a hash of the
// four columns) made each insert three times dearer.
@Table(uniqueConstraints = @UniqueConstraint(columnNames = {"timestamp", "clientKey", "nonce", "token"}))
public class Nonce {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 40)
    private String clientKey;

    @Column(nullable = false)
    private long timestamp;

    @Column(nullable = false, length = 64)
    private String nonce;

    /** The oauth_token of the request, "" for none. */
    @Column(nullable = false, length = 40)
    private String token;

    protected Nonce() {
        // for JPA
    }

    public Nonce(String clientKey, long timestamp, String nonce, String token) {
        this.clientKey = clientKey;
        this.timestamp = timestamp;
        this.nonce = nonce;
        this.token = token;
    }
}
