package com.example.oauth.common.oidc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The provider's signing keys (OpenID Connect Core §10.1.1, rotation): the
 * newest signs; an older one stays published in the JWKS until every
 * id_token it may have signed has expired, then leaves it.
 *
 * <p>The keys are read from storage and parsed once, then kept: signing a
 * token costs the RSA signature and nothing else. Storage is read again
 * when a key is added here, when the JWKS is asked for (so that a key
 * another instance added is published by every instance at once), when a
 * token names a kid not known yet, and at the latest {@link #RELOAD_INTERVAL}
 * after the last read (so that every instance soon signs with the newest).
 */
public class SigningKeys {

    /** The longest another instance may go on signing with a key after a newer one was stored. */
    public static final Duration RELOAD_INTERVAL = Duration.ofMinutes(1);

    private final SigningKeyStorage storage;
    private final Clock clock;

    /** The keys as last read, newest first, and when they were read. Never changed, only replaced. */
    private record Loaded(List<SigningKey> newestFirst, Map<String, SigningKey> byKid, Instant at) {
    }

    private volatile Loaded loaded;

    public SigningKeys(SigningKeyStorage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /** At start-up: a provider with no key makes its first. Returns the key that signs. */
    public synchronized SigningKey addKeyIfNone() {
        reload();
        if (loaded.newestFirst().isEmpty()) {
            return rotate();
        }
        return loaded.newestFirst().get(0);
    }

    /**
     * A new key, stored, which signs from now on (here at once, on other
     * instances within {@link #RELOAD_INTERVAL}). The old ones stay
     * published until their tokens have expired.
     */
    public synchronized SigningKey rotate() {
        SigningKey key = SigningKey.generate(clock.instant());
        storage.save(key.toStored());
        reload();
        return key;
    }

    /** The key that signs: the newest. */
    public SigningKey signer() {
        Loaded keys = current();
        if (keys.newestFirst().isEmpty()) {
            throw new IllegalStateException("No signing key: call addKeyIfNone() at start-up");
        }
        return keys.newestFirst().get(0);
    }

    /**
     * The keys of the JWKS, read from storage now: the newest, and each
     * older one until its successor has been signing for the id_tokens'
     * lifetime plus {@link #RELOAD_INTERVAL} (another instance may sign
     * with the old key that long after the new one was stored). JWKS
     * requests are few (a client keeps the set), so each reads the table.
     */
    public List<SigningKey> published() {
        reload();
        Instant now = clock.instant();
        List<SigningKey> newestFirst = loaded.newestFirst();
        List<SigningKey> published = new ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            if (i == 0 || now.isBefore(retiredAt(newestFirst.get(i - 1)))) {
                published.add(newestFirst.get(i));
            }
        }
        return published;
    }

    /** When the key that {@code successor} replaced leaves the JWKS. */
    private Instant retiredAt(SigningKey successor) {
        return successor.createdAt().plus(IdTokens.LIFETIME).plus(RELOAD_INTERVAL);
    }

    /**
     * The key with this kid, published or not (any key this provider made
     * still proves the provider signed). A kid not known here is looked
     * for once more in storage: another instance may have added it.
     */
    public Optional<SigningKey> find(String kid) {
        SigningKey key = current().byKid().get(kid);
        if (key == null) {
            reload();
            key = loaded.byKid().get(kid);
        }
        return Optional.ofNullable(key);
    }

    /** Reads storage again; a key already parsed is kept as it is, only new ones are parsed. */
    public synchronized void reload() {
        Map<String, SigningKey> known = loaded == null ? Map.of() : loaded.byKid();
        List<SigningKey> keys = new ArrayList<>();
        for (StoredSigningKey stored : storage.findAll()) {
            SigningKey key = known.get(stored.kid());
            keys.add(key != null ? key : SigningKey.parse(stored));
        }
        // Newest first; the kid settles a tie, so that every instance picks the same signer.
        keys.sort(Comparator.comparing(SigningKey::createdAt).thenComparing(SigningKey::kid).reversed());
        Map<String, SigningKey> byKid = new LinkedHashMap<>();
        keys.forEach(key -> byKid.put(key.kid(), key));
        loaded = new Loaded(List.copyOf(keys), Map.copyOf(byKid), clock.instant());
    }

    /** The keys as last read; read again first when that was {@link #RELOAD_INTERVAL} ago. */
    private Loaded current() {
        Loaded keys = loaded;
        if (keys == null || isStale(keys)) {
            synchronized (this) {
                // Another thread may have read them while this one waited.
                if (loaded == null || isStale(loaded)) {
                    reload();
                }
                keys = loaded;
            }
        }
        return keys;
    }

    private boolean isStale(Loaded keys) {
        return !clock.instant().isBefore(keys.at().plus(RELOAD_INTERVAL));
    }
}
