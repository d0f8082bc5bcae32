package com.example.oauth;

import com.example.oauth.common.testing.SchemaChecks;

/** On PostgreSQL, this provider stops at start-up on a database that its migrations did not make. */
class SchemaCheckTest extends SchemaChecks {

    SchemaCheckTest() {
        super(ProviderApplication.class);
    }
}
