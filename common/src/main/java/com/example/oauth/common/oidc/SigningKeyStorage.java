package com.example.oauth.common.oidc;

import java.util.List;

/**
 * Where the step keeps the provider's signing keys: its database, so that a
 * restart or a second instance signs and verifies with the same keys. The
 * engine reads the whole list (a few rows) and adds to it; it never changes
 * or deletes a row.
 */
public interface SigningKeyStorage {

    /** Every key stored, in any order. */
    List<StoredSigningKey> findAll();

    /** Keeps a new key. */
    void save(StoredSigningKey key);
}
