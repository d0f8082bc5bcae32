package com.example.oauth.common.testing;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP request sent over a socket exactly as written, for what an HTTP
 * library would repair first (a malformed %-escape, say).
 */
public final class RawHttp {

    private RawHttp() {
    }

    /**
     * @param baseUrl where to send it, such as http://localhost:8000
     * @param request the request line, then any headers and body; Host,
     *        Accept: text/html and Connection: close are added after the request line
     * @return the whole answer
     */
    public static String send(String baseUrl, String request) throws IOException {
        URI url = URI.create(baseUrl);
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            String head = request.substring(0, request.indexOf("\r\n") + 2);
            String rest = request.substring(head.length());
            socket.getOutputStream().write((head + "Host: " + url.getAuthority() + "\r\nAccept: text/html\r\n"
                    + "Connection: close\r\n" + rest).getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
