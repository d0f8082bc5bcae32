package com.example.clientapp;

import com.example.Demo;
import com.example.oauth.common.testing.ClientAppUnderTest;

/**
 * The step's demo, as its one command starts it (the provider, a demo client registered there,
 * the client app), but on free ports and an in-memory database: started once for the client
 * app's tests, closed with the JVM.
 */
final class RunningDemo {

    private static String provider;
    private static String clientApp;

    private RunningDemo() {
    }

    private static synchronized void start() {
        if (provider == null) {
            int port = ClientAppUnderTest.freePort();
            Demo.Running demo = Demo.start("--server.port=0", "--client-app.port=" + port,
                    "--spring.datasource.url=jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1");
            provider = "http://127.0.0.1:" + demo.provider().getEnvironment().getProperty("local.server.port");
            clientApp = "http://localhost:" + port;
        }
    }

    static String provider() {
        start();
        return provider;
    }

    static String clientApp() {
        start();
        return clientApp;
    }
}
