package com.example.oauth.common.testing;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the tests that drive a step's provider over real HTTP. Every test
 * class of a module extends it unchanged, so they all share one Spring
 * context (and one in-memory database): it starts once per module.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        // The tables are made by the step's Flyway scripts, as on a reader's machine.
        "spring.datasource.url=jdbc:h2:mem:provider;DB_CLOSE_DELAY=-1",
        // Tests that count rows call the purge themselves, never in the middle of a count.
        "oauth1.purge-interval=PT1H",
        "oauth2.purge-interval=PT1H"
})
public abstract class ProviderTest {

    @LocalServerPort
    protected int port;

    /** http://127.0.0.1:port, the provider's own host name. */
    protected String provider() {
        return "http://127.0.0.1:" + port;
    }

    /** A username no other test uses, so tests do not see each other's users. */
    protected static String uniqueName(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }
}
