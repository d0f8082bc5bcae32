package com.example.oauth.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.example.oauth.common.oauth2.ClientType;
import com.example.oauth.common.security.Sha256;
import com.example.oauth.common.testing.Browser;
import com.example.oauth.common.testing.Browser.Page;
import com.example.oauth.common.testing.ProviderTest;
import com.example.oauth.common.user.UserRepository;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ClientRegistrationTest extends ProviderTest {

    private static final Map<String, String> JSON = Map.of("Accept", "application/json");

    @Autowired
    ClientRepository clients;

    @Autowired
    UserRepository users;

    private Browser developer;
    private String username;

    @BeforeEach
    void logIn() {
        developer = new Browser();
        username = uniqueName("dev");
        developer.logIn(provider(), username);
    }

    @Test
    void theFormNeedsALoginAndComesBackAfterIt() {
        Browser visitor = new Browser();

        Page page = visitor.get(provider() + "/client");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).isEqualTo("/?next=/client");

        Page login = visitor.follow(page);
        Page loggedIn = visitor.post(provider() + "/",
                Map.of("username", uniqueName("later"), "next", "/client", "_csrf", login.csrfToken()));
        assertThat(loggedIn.location()).isEqualTo("/client");
        Page form = visitor.follow(loggedIn);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"redirect_uri\"").contains("name=\"scope\"")
                .contains("name=\"client_type\"");
    }

    @Test
    void anOverLongPageAddressIsNotRememberedForAfterLogin() {
        Page page = new Browser().get(provider() + "/client?junk=" + "x".repeat(6000));

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).isEqualTo("/");
    }

    @Test
    void registeringShowsTheCredentialsOnceAndStoresThem() {
        Page page = register(Map.of("redirect_uri", "http://localhost:8000/authorized", "scope", "profile"), Map.of());

        assertThat(page.status()).isEqualTo(201);
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        String id = between(page.body(), "id=\"client_id\">", "<");
        String secret = between(page.body(), "id=\"client_secret\">", "<");
        Client stored = clients.findByClientId(id).orElseThrow();
        // Only the secret's hash is kept.
        assertThat(stored.getClientSecretHash()).isEqualTo(Sha256.hex(secret)).doesNotContain(secret);
        assertThat(stored.getRedirectUris()).containsExactly("http://localhost:8000/authorized");
        assertThat(stored.getDefaultScopes()).containsExactly("profile");
        assertThat(stored.getClientType()).isEqualTo(ClientType.CONFIDENTIAL);
        assertThat(stored.getOwner().getId()).isEqualTo(users.findByUsername(username).orElseThrow().getId());
    }

    @Test
    void aProgramGetsJsonWithCreated() {
        Page page = register(Map.of("redirect_uri", "http://localhost:8000/authorized https://app.example/cb?x=1",
                "scope", "profile email", "client_type", "confidential"), JSON);

        assertThat(page.status()).isEqualTo(201);
        assertThat(page.header("Content-Type")).startsWith("application/json");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        JsonNode json = json(page);
        String id = json.get("client_id").asString();
        String secret = json.get("client_secret").asString();
        // Long, random, and safe in a URL or a header without escaping.
        assertThat(id).hasSizeGreaterThanOrEqualTo(30).matches("[A-Za-z0-9]+");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(40).matches("[A-Za-z0-9]+");
        assertThat(json.get("redirect_uris").toString())
                .isEqualTo("[\"http://localhost:8000/authorized\",\"https://app.example/cb?x=1\"]");
        assertThat(json.get("scope").asString()).isEqualTo("profile email");
        assertThat(json.get("client_type").asString()).isEqualTo("confidential");
        Client stored = clients.findByClientId(id).orElseThrow();
        assertThat(stored.getClientSecretHash()).isEqualTo(Sha256.hex(secret));
        assertThat(stored.getRedirectUris())
                .containsExactly("http://localhost:8000/authorized", "https://app.example/cb?x=1");
        assertThat(stored.getDefaultScopes()).containsExactly("profile", "email");
    }

    @Test
    void aPublicClientGetsNoSecret() {
        Page page = register(Map.of("redirect_uri", "http://localhost:8000/authorized", "scope", "profile",
                "client_type", "public"), JSON);

        assertThat(page.status()).isEqualTo(201);
        JsonNode json = json(page);
        assertThat(json.has("client_secret")).isFalse();
        assertThat(json.get("client_type").asString()).isEqualTo("public");
        Client stored = clients.findByClientId(json.get("client_id").asString()).orElseThrow();
        assertThat(stored.getClientType()).isEqualTo(ClientType.PUBLIC);
        assertThat(stored.getClientSecretHash()).isNull();

        Page html = register(Map.of("redirect_uri", "http://localhost:8000/authorized", "scope", "profile",
                "client_type", "public"), Map.of());
        assertThat(html.status()).isEqualTo(201);
        assertThat(html.body()).contains("id=\"client_id\"").doesNotContain("id=\"client_secret\"")
                .contains("has no secret", "PKCE");
    }

    @Test
    void anUnknownClientTypeIsRefused() {
        assertRefused(Map.of("redirect_uri", "http://localhost:8000/authorized", "scope", "profile",
                "client_type", "secret"), "invalid_client_metadata");
    }

    @Test
    void everyClientGetsItsOwnCredentials() {
        Map<String, String> form = Map.of("redirect_uri", "http://localhost:8000/authorized", "scope", "email");

        JsonNode first = json(register(form, JSON));
        JsonNode second = json(register(form, JSON));

        assertThat(first.get("client_id").asString()).isNotEqualTo(second.get("client_id").asString());
        assertThat(first.get("client_secret").asString()).isNotEqualTo(second.get("client_secret").asString());
    }

    @Test
    void checkboxValuesAreReadAsScopes() {
        Page form = developer.get(provider() + "/client");
        // Two checked boxes send the field twice: scope=profile&scope=email.
        okhttp3.FormBody body = new okhttp3.FormBody.Builder()
                .add("_csrf", form.csrfToken())
                .add("redirect_uri", "http://localhost:8000/authorized")
                .add("scope", "profile").add("scope", "email").build();
        okhttp3.Request request = new okhttp3.Request.Builder().url(provider() + "/client")
                .header("Accept", "application/json").post(body).build();

        try (okhttp3.Response response = developer.http().newCall(request).execute()) {
            assertThat(response.code()).isEqualTo(201);
            String id = JsonMapper.builder().build().readTree(response.body().string()).get("client_id").asString();
            assertThat(clients.findByClientId(id).orElseThrow().getDefaultScopes()).containsExactly("profile", "email");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void withoutTheCsrfTokenNothingIsRegistered() {
        long before = clients.count();

        Page page = developer.post(provider() + "/client",
                Map.of("redirect_uri", "http://localhost:8000/authorized", "scope", "profile"), JSON);

        assertThat(page.status()).isEqualTo(403);
        assertThat(json(page).get("error").asString()).isEqualTo("invalid_csrf_token");
        assertThat(clients.count()).isEqualTo(before);
    }

    @Test
    void aLoggedOutPostRegistersNothing() {
        Browser visitor = new Browser();
        Page home = visitor.get(provider() + "/");
        long before = clients.count();

        Page page = visitor.post(provider() + "/client", Map.of("redirect_uri", "http://localhost:8000/authorized",
                "scope", "profile", "_csrf", home.csrfToken()));

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).isEqualTo("/");
        assertThat(clients.count()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/authorized",                          // relative
            "localhost:8000/authorized",            // no scheme: "localhost" reads as one
            "ftp://localhost/authorized",           // not http(s)
            "javascript:alert(1)",
            "http:///authorized",                   // no host
            "http://localhost:8000/authorized#top", // fragment
            "http://localhost:8000/a b|c",          // "b|c" is not a URI
            "http://localhost:8000/caf\u00e9",       // not ASCII: no Location header could hold it
            "http://localhost:8000/\uD83D\uDE00",
            "  ",                                   // none
    })
    void aBadRedirectUriIsRefused(String redirectUri) {
        assertRefused(Map.of("redirect_uri", redirectUri, "scope", "profile"), "invalid_redirect_uri");
    }

    @Test
    void anHttpRedirectUriIsRefusedExceptOnALoopbackHost() {
        String message = assertRefused(Map.of("redirect_uri", "http://evil.example/cb", "scope", "profile"),
                "invalid_redirect_uri");
        assertThat(message).isEqualTo("\"http://evil.example/cb\" must use https: an http redirect URI is allowed"
                + " only on a loopback host (localhost, 127.0.0.1, [::1]), RFC 9700 §2.6 and RFC 8252 §7.3.");
    }

    @Test
    void tooManyOrTooLongRedirectUrisAreRefused() {
        String eleven = IntStream.rangeClosed(1, 11).mapToObj(i -> "http://localhost:8000/cb" + i)
                .collect(Collectors.joining(" "));
        assertRefused(Map.of("redirect_uri", eleven, "scope", "profile"), "invalid_redirect_uri");
        assertRefused(Map.of("redirect_uri", "http://localhost:8000/" + "a".repeat(500), "scope", "profile"),
                "invalid_redirect_uri");
        assertRefused(Map.of("redirect_uri", "http://localhost:8000/a ".repeat(2000), "scope", "profile"),
                "invalid_redirect_uri");
    }

    @Test
    void anUnknownScopeOrNoneIsRefused() {
        assertRefused(Map.of("redirect_uri", "http://localhost:8000/authorized", "scope", "profile admin"),
                "invalid_client_metadata");
        assertRefused(Map.of("redirect_uri", "http://localhost:8000/authorized"), "invalid_client_metadata");
    }

    @Test
    void aRefusedFormKeepsWhatWasTyped() {
        String blank = developer.get(provider() + "/client").body();
        assertThat(blank).contains(">http://localhost:8000/authorized</textarea>");
        assertThat(checked(blank)).containsExactly("profile", "confidential");

        Page page = register(Map.of("redirect_uri", "ftp://example.com/cb", "scope", "email", "client_type", "public"),
                Map.of());

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains(">ftp://example.com/cb</textarea>");
        assertThat(checked(page.body())).containsExactly("email", "public");
    }

    @Test
    void theFormShowsTheProblemEscaped() {
        Page page = register(Map.of("redirect_uri", "http://localhost/<script>", "scope", "profile"), Map.of());

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("is not a valid URI").contains("&lt;script&gt;").doesNotContain("<script>");
    }

    /** Refused as JSON and as the form, nothing stored; returns the JSON's error_description. */
    private String assertRefused(Map<String, String> form, String error) {
        long before = clients.count();

        Page json = register(form, JSON);
        assertThat(json.status()).isEqualTo(400);
        assertThat(json(json).get("error").asString()).isEqualTo(error);
        assertThat(json(json).get("error_description").asString()).isNotBlank();

        Page html = register(form, Map.of());
        assertThat(html.status()).isEqualTo(400);
        assertThat(html.body()).contains("class=\"error\"").contains("name=\"redirect_uri\"");

        assertThat(clients.count()).isEqualTo(before);
        return json(json).get("error_description").asString();
    }

    private Page register(Map<String, String> form, Map<String, String> headers) {
        Map<String, String> withToken = new HashMap<>(form);
        withToken.put("_csrf", developer.get(provider() + "/client").csrfToken());
        return developer.post(provider() + "/client", withToken, headers);
    }

    private static JsonNode json(Page page) {
        return JsonMapper.builder().build().readTree(page.body());
    }

    /** The values of a page's checked boxes and radio buttons, in page order. */
    private static List<String> checked(String html) {
        return Pattern.compile("value=\"([^\"]*)\"\\s+checked").matcher(html).results().map(m -> m.group(1)).toList();
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("%s in %s", start, text).isNotNegative();
        from += start.length();
        return text.substring(from, text.indexOf(end, from));
    }
}
