package com.example.oauth.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in provider for a client app's tests: it answers every call with
 * a 200 and the body set for its path (empty if none), and checks nothing,
 * so that a test can hand the client app answers no real provider gives.
 */
public final class CannedProvider implements AutoCloseable {

    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final HttpServer server;

    /** @param contentType the Content-Type of every answer, or null to send none */
    public CannedProvider(String contentType) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = answers.getOrDefault(exchange.getRequestURI().getPath(), "").getBytes(StandardCharsets.UTF_8);
            if (contentType != null) {
                exchange.getResponseHeaders().set("Content-Type", contentType);
            }
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on, a call to this path gets this body. */
    public void answer(String path, String body) {
        answers.put(path, body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
