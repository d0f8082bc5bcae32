package com.example.oauth;

import com.example.oauth.common.testing.SchemaChecks;

/** The postgres profile's schema check (see SchemaChecks), on this step's provider and migrations. */
class SchemaCheckTest extends SchemaChecks {

    SchemaCheckTest() {
        super(ProviderApplication.class);
    }
}
