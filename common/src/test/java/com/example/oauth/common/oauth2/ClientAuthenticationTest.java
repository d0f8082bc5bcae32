package com.example.oauth.common.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.oauth.common.security.Sha256;

class ClientAuthenticationTest {

    private static FormRequest request(String authorization, Map<String, List<String>> body) {
        return new FormRequest(true, body, authorization);
    }

    private static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theRfc6749ExampleHeaderIsDecoded() {
        // RFC 6749 §2.3.1: client_id s6BhdRkqt3, secret 7Fjfp0ZBr1KtDRbnfVdmIw.
        ClientAuthentication client =
                ClientAuthentication.fromBasicHeader("Basic czZCaGRSa3F0Mzo3RmpmcDBaQnIxS3REUmJuZlZkbUl3");

        assertThat(client).isEqualTo(new ClientAuthentication("s6BhdRkqt3", "7Fjfp0ZBr1KtDRbnfVdmIw",
                ClientAuthentication.Method.CLIENT_SECRET_BASIC));
    }

    @Test
    void theIdAndSecretAreFormDecodedAfterBase64() {
        // §2.3.1: each is form-urlencoded before Base64, so ':' '+' '%' and spaces survive.
        String id = "my app:1";
        String secret = "p@ss+wo:rd %/=é";
        String header = basic(URLEncoder.encode(id, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8));

        ClientAuthentication client = ClientAuthentication.fromBasicHeader(header);

        assertThat(client.clientId()).isEqualTo(id);
        assertThat(client.clientSecret()).isEqualTo(secret);
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        assertThat(ClientAuthentication.fromBasicHeader("basic " + basic("a:b").substring(6)).clientId())
                .isEqualTo("a");
    }

    @Test
    void aMalformedOrForeignHeaderIsAnInvalidClient() {
        for (String header : List.of("Basic", "Basic !!!", basic("no-colon"), basic(":secret-only"),
                basic("bad%zzescape:secret"), "Bearer abc", "Digest x")) {
            assertThatThrownBy(() -> ClientAuthentication.fromBasicHeader(header)).as(header)
                    .isInstanceOfSatisfying(OAuth2Error.class, e -> {
                        assertThat(e.getError()).isEqualTo("invalid_client");
                        assertThat(e.getStatus()).isEqualTo(401);
                        assertThat(e.getWwwAuthenticate()).isEqualTo("Basic realm=\"oauth\"");
                    });
        }
    }

    @Test
    void theBodyCarriesClientSecretPostOrAPublicClientsIdAlone() {
        assertThat(ClientAuthentication.of(request(null, Map.of("client_id", List.of("c"),
                "client_secret", List.of("s"))))).isEqualTo(
                        new ClientAuthentication("c", "s", ClientAuthentication.Method.CLIENT_SECRET_POST));
        assertThat(ClientAuthentication.of(request(null, Map.of("client_id", List.of("c")))))
                .isEqualTo(new ClientAuthentication("c", null, ClientAuthentication.Method.NONE));
    }

    @Test
    void noCredentialsAtAllIsAnInvalidClient() {
        assertThatThrownBy(() -> ClientAuthentication.of(request(null, Map.of())))
                .isInstanceOfSatisfying(OAuth2Error.class, e -> assertThat(e.getError()).isEqualTo("invalid_client"));
    }

    @Test
    void twoMethodsAtOnceAreAnInvalidRequest() {
        assertThatThrownBy(() -> ClientAuthentication.of(request(basic("c:s"),
                Map.of("client_secret", List.of("s")))))
                .isInstanceOfSatisfying(OAuth2Error.class, e -> {
                    assertThat(e.getError()).isEqualTo("invalid_request");
                    assertThat(e.getStatus()).isEqualTo(400);
                });
    }

    @Test
    void aClientIdBesideBasicMustBeTheSame() {
        assertThat(ClientAuthentication.of(request(basic("c:s"), Map.of("client_id", List.of("c")))).method())
                .isEqualTo(ClientAuthentication.Method.CLIENT_SECRET_BASIC);
        assertThatThrownBy(() -> ClientAuthentication.of(request(basic("c:s"), Map.of("client_id", List.of("d")))))
                .isInstanceOfSatisfying(OAuth2Error.class,
                        e -> assertThat(e.getError()).isEqualTo("invalid_request"));
    }

    @Test
    void aClientIdSentTwiceIsAnInvalidRequest() {
        assertThatThrownBy(() -> ClientAuthentication.of(request(null, Map.of("client_id", List.of("c", "d")))))
                .isInstanceOfSatisfying(OAuth2Error.class,
                        e -> assertThat(e.getError()).isEqualTo("invalid_request"));
    }

    // ---------------------------------------------------------------- checked against storage

    private static RegisteredClient authenticate(String authorization, Map<String, List<String>> body) {
        InMemoryStorage storage = new InMemoryStorage();
        storage.clients.put("web", new InMemoryStorage.Client("web", Sha256.hex("web-secret"),
                ClientType.CONFIDENTIAL, List.of("https://app.example/cb"), List.of("profile")));
        storage.clients.put("app", new InMemoryStorage.Client("app", null, ClientType.PUBLIC,
                List.of("https://app.example/cb"), List.of("profile")));
        return ClientAuthentication.authenticate(request(authorization, body), storage);
    }

    @Test
    void aConfidentialClientProvesItselfWithItsSecretAPublicOneWithItsIdAlone() {
        assertThat(authenticate(basic("web:web-secret"), Map.of()).getClientId()).isEqualTo("web");
        assertThat(authenticate(null, Map.of("client_id", List.of("web"), "client_secret", List.of("web-secret")))
                .getClientId()).isEqualTo("web");
        assertThat(authenticate(null, Map.of("client_id", List.of("app"))).getClientId()).isEqualTo("app");
    }

    @Test
    void everyOtherClientIsAnInvalidClient() {
        for (Runnable attempt : List.<Runnable>of(
                () -> authenticate(basic("nobody:x"), Map.of()),
                () -> authenticate(basic("web:wrong"), Map.of()),
                () -> authenticate(null, Map.of("client_id", List.of("web"), "client_secret", List.of("wrong"))),
                // A confidential client without its secret; a public client with one.
                () -> authenticate(null, Map.of("client_id", List.of("web"))),
                () -> authenticate(basic("app:made-up"), Map.of()),
                () -> authenticate(null, Map.of("client_id", List.of("app"), "client_secret", List.of("made-up"))))) {
            assertThatThrownBy(attempt::run).isInstanceOfSatisfying(OAuth2Error.class, e -> {
                assertThat(e.getError()).isEqualTo("invalid_client");
                assertThat(e.getStatus()).isEqualTo(401);
            });
        }
    }
}
