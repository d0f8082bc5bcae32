package com.example.clientapp;

import com.example.Demo;
import com.example.oauth.common.testing.ClientAppUnderTest;

/**
 * The step's demo as its one command starts it (the provider, a demo client registered there, the
 * client app), but on free ports and an in-memory database: once for the client app's tests.
 */
final class RunningDemo {

    static final String CLIENT_APP;
    static final String PROVIDER;

    static {
        int port = ClientAppUnderTest.freePort();
        Demo.Running demo = Demo.start("--server.port=0", "--client-app.port=" + port,
                "--spring.datasource.url=jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1");
        PROVIDER = "http://127.0.0.1:" + demo.provider().getEnvironment().getProperty("local.server.port");
        CLIENT_APP = "http://localhost:" + port;
    }

    private RunningDemo() {
    }
}
