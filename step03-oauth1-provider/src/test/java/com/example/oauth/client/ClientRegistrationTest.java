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
        assertThat(form.body()).contains("name=\"redirect_uri\"").contains("name=\"realms\"");
    }

    @Test
    void anOverLongPageAddressIsNotRememberedForAfterLogin() {
        Page page = new Browser().get(provider() + "/client?junk=" + "x".repeat(6000));

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).isEqualTo("/");
    }

    @Test
    void registeringShowsTheCredentialsOnceAndStoresThem() {
        Page page = register(Map.of("redirect_uri", "http://localhost:8000/authorized", "realms", "profile"), Map.of());

        assertThat(page.status()).isEqualTo(201);
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        String key = between(page.body(), "id=\"client_key\">", "<");
        String secret = between(page.body(), "id=\"client_secret\">", "<");
        Client stored = clients.findByClientKey(key).orElseThrow();
        assertThat(stored.getClientSecret()).isEqualTo(secret);
        assertThat(stored.getRedirectUris()).containsExactly("http://localhost:8000/authorized");
        assertThat(stored.getDefaultRealms()).containsExactly("profile");
        assertThat(stored.getOwner().getId()).isEqualTo(users.findByUsername(username).orElseThrow().getId());
    }

    @Test
    void aProgramGetsJsonWithCreated() {
        Page page = register(Map.of("redirect_uri", "http://localhost:8000/authorized https://app.example/cb?x=1",
                "realms", "profile email"), JSON);

        assertThat(page.status()).isEqualTo(201);
        assertThat(page.header("Content-Type")).startsWith("application/json");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        JsonNode json = json(page);
        String key = json.get("client_key").asString();
        String secret = json.get("client_secret").asString();
        // Long, random, and safe in a URL or a header without escaping.
        assertThat(key).hasSizeGreaterThanOrEqualTo(30).matches("[A-Za-z0-9]+");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(40).matches("[A-Za-z0-9]+");
        Client stored = clients.findByClientKey(key).orElseThrow();
        assertThat(stored.getClientSecret()).isEqualTo(secret);
        assertThat(stored.getRedirectUris())
                .containsExactly("http://localhost:8000/authorized", "https://app.example/cb?x=1");
        assertThat(stored.getDefaultRealms()).containsExactly("profile", "email");
    }

    @Test
    void everyClientGetsItsOwnCredentials() {
        Map<String, String> form = Map.of("redirect_uri", "http://localhost:8000/authorized", "realms", "email");

        JsonNode first = json(register(form, JSON));
        JsonNode second = json(register(form, JSON));

        assertThat(first.get("client_key").asString()).isNotEqualTo(second.get("client_key").asString());
        assertThat(first.get("client_secret").asString()).isNotEqualTo(second.get("client_secret").asString());
    }

    @Test
    void checkboxValuesAreReadAsRealms() {
        Page form = developer.get(provider() + "/client");
        // Two checked boxes send the field twice: realms=profile&realms=email.
        okhttp3.FormBody body = new okhttp3.FormBody.Builder()
                .add("_csrf", form.csrfToken())
                .add("redirect_uri", "http://localhost:8000/authorized")
                .add("realms", "profile").add("realms", "email").build();
        okhttp3.Request request = new okhttp3.Request.Builder().url(provider() + "/client")
                .header("Accept", "application/json").post(body).build();

        try (okhttp3.Response response = developer.http().newCall(request).execute()) {
            assertThat(response.code()).isEqualTo(201);
            String key = JsonMapper.builder().build().readTree(response.body().string()).get("client_key").asString();
            assertThat(clients.findByClientKey(key).orElseThrow().getDefaultRealms()).containsExactly("profile", "email");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void withoutTheCsrfTokenNothingIsRegistered() {
        long before = clients.count();

        Page page = developer.post(provider() + "/client",
                Map.of("redirect_uri", "http://localhost:8000/authorized", "realms", "profile"), JSON);

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
                "realms", "profile", "_csrf", home.csrfToken()));

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
        assertRefused(Map.of("redirect_uri", redirectUri, "realms", "profile"), "invalid_redirect_uri");
    }

    @Test
    void anHttpRedirectUriIsRefusedExceptOnALoopbackHost() {
        String message = assertRefused(Map.of("redirect_uri", "http://evil.example/cb", "realms", "profile"),
                "invalid_redirect_uri");
        assertThat(message).isEqualTo("\"http://evil.example/cb\" must use https: an http redirect URI is allowed"
                + " only on a loopback host (localhost, 127.0.0.1, [::1]), RFC 9700 §2.6 and RFC 8252 §7.3.");
    }

    @Test
    void tooManyOrTooLongRedirectUrisAreRefused() {
        String eleven = IntStream.rangeClosed(1, 11).mapToObj(i -> "http://localhost:8000/cb" + i)
                .collect(Collectors.joining(" "));
        assertRefused(Map.of("redirect_uri", eleven, "realms", "profile"), "invalid_redirect_uri");
        assertRefused(Map.of("redirect_uri", "http://localhost:8000/" + "a".repeat(500), "realms", "profile"),
                "invalid_redirect_uri");
        assertRefused(Map.of("redirect_uri", "http://localhost:8000/a ".repeat(2000), "realms", "profile"),
                "invalid_redirect_uri");
    }

    @Test
    void anUnknownRealmOrNoneIsRefused() {
        assertRefused(Map.of("redirect_uri", "http://localhost:8000/authorized", "realms", "profile admin"),
                "invalid_client_metadata");
        assertRefused(Map.of("redirect_uri", "http://localhost:8000/authorized"), "invalid_client_metadata");
    }

    @Test
    void aRefusedFormKeepsWhatWasTyped() {
        String blank = developer.get(provider() + "/client").body();
        assertThat(blank).contains(">http://localhost:8000/authorized</textarea>");
        assertThat(checked(blank)).containsExactly("profile");

        Page page = register(Map.of("redirect_uri", "ftp://example.com/cb", "realms", "email"), Map.of());

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains(">ftp://example.com/cb</textarea>");
        assertThat(checked(page.body())).containsExactly("email");
    }

    @Test
    void theFormShowsTheProblemEscaped() {
        Page page = register(Map.of("redirect_uri", "http://localhost/<script>", "realms", "profile"), Map.of());

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
