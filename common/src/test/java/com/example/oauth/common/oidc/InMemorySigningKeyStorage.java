package com.example.oauth.common.oidc;

import java.util.ArrayList;
import java.util.List;

/** The step's key table, in a list; it counts its reads, to show the keys are not read per token. */
class InMemorySigningKeyStorage implements SigningKeyStorage {

    final List<StoredSigningKey> rows = new ArrayList<>();
    int reads;

    InMemorySigningKeyStorage(StoredSigningKey... stored) {
        rows.addAll(List.of(stored));
    }

    @Override
    public synchronized List<StoredSigningKey> findAll() {
        reads++;
        return List.copyOf(rows);
    }

    @Override
    public synchronized void save(StoredSigningKey key) {
        rows.add(key);
    }
}
