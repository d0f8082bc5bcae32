package com.example.oauth.oauth2;

import com.example.oauth.common.testing.OAuth2Calls;

/**
 * The OAuth 2 tests of this step: common's calls over HTTP, and what a
 * client has in this step's tables.
 */
abstract class OAuth2Test extends OAuth2Calls {

    /**
     * What one client has in storage. revokedFamilies: codes whose family
     * was revoked; revokedTokens: tokens dead by revocation, their own
     * (client_credentials) or their family's.
     */
    record Rows(long codes, long usedCodes, long revokedFamilies, long tokens, long revokedTokens,
            long rotatedTokens) {
    }

    @Override
    protected Rows stored(Registration client) {
        return rows(client);
    }

    /** What this client has in storage, counted with SQL. */
    Rows rows(Registration client) {
        String codes = "select count(*) from grants g join client c on g.client_id = c.id where c.client_id = ?";
        String tokens = "select count(*) from token t join client c on t.client_id = c.id"
                + " left join grants g on t.grant_id = g.id where c.client_id = ?";
        return new Rows(count(codes, client), count(codes + " and g.used", client),
                count(codes + " and g.revoked", client), count(tokens, client),
                count(tokens + " and (t.revoked or g.revoked)", client),
                count(tokens + " and t.refresh_token_used", client));
    }

    private long count(String sql, Registration client) {
        return jdbc.queryForObject(sql, Long.class, client.id());
    }
}
