package com.example.oauth.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.oauth.common.oidc.Authentication;
import com.example.oauth.common.oidc.IdTokens;
import com.example.oauth.common.oidc.SigningKey;
import com.example.oauth.common.oidc.SigningKeyStorage;
import com.example.oauth.common.oidc.SigningKeys;
import com.example.oauth.common.oidc.StoredSigningKey;
import com.sun.net.httpserver.HttpServer;

/**
 * docs/ReadIdToken.java, the reader's one-file checker of chapter 8 ("Read
 * your own id_token"), run as the chapter runs it ({@code java docs/ReadIdToken.java
 * ID_TOKEN JWKS_URL}) on an ID token of the engine and a key set served as
 * the provider serves it: a good token is good, a changed one is BAD.
 */
class ReadIdTokenTest {

    private static final Path SCRIPT = Repository.root().resolve("docs/ReadIdToken.java");

    private final List<StoredSigningKey> stored = new ArrayList<>();
    private final SigningKeys keys = new SigningKeys(new SigningKeyStorage() {
        @Override
        public List<StoredSigningKey> findAll() {
            return List.copyOf(stored);
        }

        @Override
        public void save(StoredSigningKey key) {
            stored.add(key);
        }
    }, Clock.systemUTC());
    private final IdTokens idTokens = new IdTokens(keys, Clock.systemUTC(), () -> "http://127.0.0.1:5000");
    private HttpServer jwks;

    @BeforeEach
    void serveTheKeySet() throws IOException {
        keys.addKeyIfNone();
        jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jwks.createContext("/oauth/jwks", exchange -> {
            byte[] body = keySet().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        jwks.start();
    }

    @AfterEach
    void stop() {
        jwks.stop(0);
    }

    @Test
    void anIdTokenOfTheEngineIsGoodAndAChangedOneIsBad() throws Exception {
        String idToken = idTokens.issue(new Authentication("d20d0790-da4e-4e5d-beb0-d121ef4b0cbd",
                "M3L03ufMWhFCCOzDUjJtK0mdaJbAE4", Instant.now(), "n-0S6_WzA2Mj"));

        String good = run(idToken);
        assertThat(good).contains("\"alg\":\"RS256\"", "\"nonce\":\"n-0S6_WzA2Mj\"")
                .contains("signature: good, checked with key " + keys.signer().kid());

        String[] parts = idToken.split("\\.");
        String otherSub = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("d20d0790", "00000000").getBytes(StandardCharsets.UTF_8));
        assertThat(run(parts[0] + "." + otherSub + "." + parts[2])).contains("signature: BAD");
        char last = parts[2].charAt(0);
        String otherSignature = (last == 'A' ? 'B' : 'A') + parts[2].substring(1);
        assertThat(run(parts[0] + "." + parts[1] + "." + otherSignature)).contains("signature: BAD");
    }

    /** The JWKS as the provider's /oauth/jwks serves it: {"keys":[{...}]}, every member a string. */
    private String keySet() {
        return keys.published().stream().map(SigningKey::publicJwk)
                .map(jwk -> jwk.entrySet().stream().map(ReadIdTokenTest::member).collect(Collectors.joining(",", "{", "}")))
                .collect(Collectors.joining(",", "{\"keys\":[", "]}"));
    }

    private static String member(Map.Entry<String, Object> entry) {
        return "\"" + entry.getKey() + "\":\"" + entry.getValue() + "\"";
    }

    /** java docs/ReadIdToken.java ID_TOKEN JWKS_URL, as the chapter runs it; its output. */
    private String run(String idToken) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String url = "http://127.0.0.1:" + jwks.getAddress().getPort() + "/oauth/jwks";
        Process process = new ProcessBuilder(java, SCRIPT.toString(), idToken, url).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}
