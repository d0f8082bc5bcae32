package com.example.oauth.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.util.UriComponentsBuilder;

import com.example.oauth.common.testing.Browser;
import com.example.oauth.common.testing.Browser.Page;
import com.example.yourapp.YourApplication;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The proof that "Connect your own Spring Boot app" (docs/07-to-production.md)
 * works as the chapter shows it: a Spring Boot app made of Spring Security's
 * OAuth 2 client and the {@code application.yml} the chapter quotes
 * ({@code com.example.yourapp}) signs a user in at the step05 provider, over
 * real HTTP, as a browser would: the client is registered at {@code /client},
 * the user logs in at the provider, allows access, and lands on the app's page,
 * which names them.
 *
 * <p>The provider is step05's own jar, started with {@code java -jar} as a
 * reader starts it (on a random port, in an in-memory database): the docs
 * module depends on step05 only for the build order (type pom). Loading
 * step05's classes here instead would not work cleanly: its jar is the Spring
 * Boot repackaged one (classes under BOOT-INF/), and step05's database,
 * Flyway and JPA set-up would leak into the app under test. The app runs in
 * this JVM, so the test can also read what Spring made of the discovery.
 */
class SignInWithSpringBootTest {

    private static final Path ROOT = Repository.root();
    private static final String MODULE = "step05-oauth2-provider";
    private static final Path JAR = ROOT.resolve(MODULE).resolve("target").resolve(MODULE + ".jar");
    private static final Pattern HIDDEN_FIELD =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String notBuilt;
    private static Process providerProcess;
    private static String provider;
    private static String clientId;
    private static ConfigurableApplicationContext app;
    private static int appPort;

    @BeforeAll
    static void startTheProviderRegisterAClientAndStartTheApp() throws Exception {
        long start = System.nanoTime();
        notBuilt = whyTheJarCannotRun();
        if (notBuilt != null) {
            return;
        }
        provider = "http://127.0.0.1:" + startProvider();

        // A developer registers the app at the provider, with the redirect
        // URI Spring Security uses: {baseUrl}/login/oauth2/code/{registrationId}.
        // The port must be known before the app starts (the client id is part
        // of its configuration), so a free one is picked now.
        appPort = freePort();
        Browser developer = new Browser();
        developer.logIn(provider, "devon");
        Page form = developer.get(provider + "/client");
        Page registered = developer.post(provider + "/client", Map.of(
                        "redirect_uri", "http://localhost:" + appPort + "/login/oauth2/code/step05",
                        "scope", "profile",
                        "client_type", "confidential",
                        "_csrf", form.csrfToken()),
                Map.of("Accept", "application/json"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        JsonNode credentials = JSON.readTree(registered.body());
        clientId = credentials.get("client_id").asString();

        app = new SpringApplicationBuilder(YourApplication.class).main(YourApplication.class)
                // Not the reader's: this module's classpath carries common's
                // JPA (for the engines' worked examples), which would look for
                // a database that a sign-in app has no use for.
                .properties("spring.autoconfigure.exclude="
                        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
                // What the chapter says to set, as the reader sets it: on the
                // command line, or (STEP05_CLIENT_ID, STEP05_CLIENT_SECRET) in
                // the environment, which Spring reads the same way.
                .run("--server.port=" + appPort,
                        "--step05.url=" + provider,
                        "--STEP05_CLIENT_ID=" + clientId,
                        "--STEP05_CLIENT_SECRET=" + credentials.get("client_secret").asString());
        System.out.printf("SignInWithSpringBootTest: provider, registration and app ready in %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    /**
     * A build that stops before {@code package} ({@code ./mvnw test}) has no
     * fresh jar of step05: then every test here is skipped with the reason
     * (per test, so that the report shows it), and fails under CI (CI=true).
     * {@code ./mvnw verify} always packages step05 first.
     */
    @BeforeEach
    void skipWithoutAFreshJar() {
        if (notBuilt != null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(notBuilt);
            }
            Assumptions.abort(notBuilt);
        }
    }

    @AfterAll
    static void stopBoth() throws InterruptedException {
        if (app != null) {
            app.close();
        }
        if (providerProcess != null) {
            providerProcess.destroy();
            if (!providerProcess.waitFor(20, TimeUnit.SECONDS)) {
                providerProcess.destroyForcibly();
            }
        }
    }

    @Test
    void theAppSignsAUserInAtStep05AndNamesThem() {
        String appUrl = "http://localhost:" + appPort;
        Browser alice = new Browser();

        // Not signed in: Spring Security sends the visitor to its one
        // registration, which sends them on to the provider.
        Page home = alice.get(appUrl + "/");
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.location()).isEqualTo(appUrl + "/oauth2/authorization/step05");
        Page toProvider = alice.get(home.location());
        assertThat(toProvider.status()).isEqualTo(302);
        String authorize = toProvider.location();
        // Discovery found the provider's authorization endpoint; Spring adds a
        // state and, for a confidential client too, PKCE with S256.
        assertThat(authorize).startsWith(provider + "/oauth/authorize?");
        Map<String, String> asked = query(authorize);
        assertThat(asked).containsEntry("response_type", "code").containsEntry("client_id", clientId)
                .containsEntry("scope", "profile")
                .containsEntry("redirect_uri", appUrl + "/login/oauth2/code/step05")
                .containsEntry("code_challenge_method", "S256");
        assertThat(asked.get("state")).isNotBlank();
        assertThat(asked.get("code_challenge")).hasSize(43);

        // At the provider: the login form, then back to the consent page.
        Page login = alice.follow(alice.get(authorize));
        assertThat(login.body()).contains("You are not logged in");
        Page loggedIn = alice.post(provider + "/", Map.of("username", "alice",
                "next", hiddenFields(login).get("next"), "_csrf", login.csrfToken()));
        Page consent = alice.follow(loggedIn);
        assertThat(consent.status()).as(consent.body()).isEqualTo(200);
        assertThat(consent.body()).contains("Allow access?").contains(clientId).contains("<code>profile</code>");

        // Allow: the provider sends the browser back to the app with a code,
        // the state and its issuer (RFC 9207).
        Map<String, String> answer = hiddenFields(consent);
        answer.put("confirm", "yes");
        Page back = alice.post(provider + "/oauth/authorize", answer);
        assertThat(back.status()).as(back.body()).isEqualTo(303);
        Map<String, String> callback = query(back.location());
        assertThat(back.location()).startsWith(appUrl + "/login/oauth2/code/step05?");
        assertThat(callback).containsKey("code").containsEntry("state", asked.get("state"))
                .containsEntry("iss", provider);

        // The app trades the code (with its secret, and the PKCE verifier,
        // without which step05 refuses a code that had a challenge), reads
        // /api/me with the token, and shows the page first asked for.
        Page signedIn = alice.get(back.location());
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.resolve(signedIn.location())).isEqualTo(appUrl + "/?continue");
        Page page = alice.follow(signedIn);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("Hello, alice. You signed in at step05.");
    }

    @Test
    void theAppOpenedOn127001SendsARedirectUriTheProviderRefuses() {
        // Spring makes the redirect URI from the address the visitor opened
        // ({baseUrl}): not the one registered, so the provider says so on its
        // own page, and sends nobody back.
        String appUrl = "http://127.0.0.1:" + appPort;
        Browser bob = new Browser();
        Page toProvider = bob.follow(bob.get(appUrl + "/"));
        assertThat(toProvider.url()).startsWith(provider + "/oauth/authorize?");
        assertThat(query(toProvider.url())).containsEntry("redirect_uri", appUrl + "/login/oauth2/code/step05");
        assertThat(toProvider.status()).isEqualTo(400);
        assertThat(unescape(toProvider.body())).contains("redirect_uri '" + appUrl + "/login/oauth2/code/step05'"
                + " is not registered for this application");
    }

    @Test
    void discoveryFallsBackFromOpenIdConnectToRfc8414() throws IOException {
        // ClientRegistrations.fromIssuerLocation asks for OpenID Connect
        // metadata first; step05 has none, and its 404 sends Spring on to
        // /.well-known/oauth-authorization-server.
        assertThat(status(provider + "/.well-known/openid-configuration")).isEqualTo(404);
        assertThat(status(provider + "/.well-known/oauth-authorization-server")).isEqualTo(200);

        ClientRegistration registration =
                app.getBean(ClientRegistrationRepository.class).findByRegistrationId("step05");
        ClientRegistration.ProviderDetails details = registration.getProviderDetails();
        assertThat(details.getIssuerUri()).isEqualTo(provider);
        assertThat(details.getAuthorizationUri()).isEqualTo(provider + "/oauth/authorize");
        assertThat(details.getTokenUri()).isEqualTo(provider + "/oauth/token");
        assertThat(details.getUserInfoEndpoint().getUri()).isEqualTo(provider + "/api/me");
        assertThat(details.getUserInfoEndpoint().getUserNameAttributeName()).isEqualTo("username");
        // The first of the metadata's token_endpoint_auth_methods_supported that Spring knows.
        assertThat(registration.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        assertThat(registration.getClientSettings().isRequireProofKey()).isTrue();
    }

    // ---------------------------------------------------------------- the provider's jar

    /** Null when step05's jar is built and newer than its sources (and common's); otherwise why not. */
    private static String whyTheJarCannotRun() throws IOException {
        String build = ": build it with ./mvnw -q -pl docs -am verify (or ./mvnw -q -pl " + MODULE
                + " -am package -DskipTests).";
        if (!Files.isRegularFile(JAR)) {
            return "step05's jar is not built" + build;
        }
        Path newer = newestSource();
        if (Files.getLastModifiedTime(JAR).compareTo(Files.getLastModifiedTime(newer)) < 0) {
            return "step05's jar is older than " + ROOT.relativize(newer) + build;
        }
        return null;
    }

    /** Starts step05's jar as a reader does, on a free port, with an in-memory database; returns the port. */
    private static int startProvider() throws Exception {
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = ROOT.resolve("docs/target/" + MODULE + "-signin.log");
        Files.createDirectories(log.getParent());
        providerProcess = new ProcessBuilder(List.of(java,
                // The C1 compiler alone: a quicker start for a short run.
                "-XX:TieredStopAtLevel=1",
                "-jar", JAR.toString(), "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:mem:signin"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // Should this JVM end without running @AfterAll, the provider ends with it.
        Runtime.getRuntime().addShutdownHook(new Thread(providerProcess::destroy));
        String metadata = "http://127.0.0.1:" + port + "/.well-known/oauth-authorization-server";
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            assertThat(providerProcess.isAlive()).as("step05 stopped: see " + ROOT.relativize(log)).isTrue();
            try {
                if (status(metadata) == 200) {
                    return port;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            assertThat(System.nanoTime()).as("step05 did not answer in 90 s: see " + ROOT.relativize(log))
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** The newest file of step05's and common's main sources: the jar must not be older. */
    private static Path newestSource() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.walk(ROOT.resolve(MODULE + "/src/main")),
                Files.walk(ROOT.resolve("common/src/main")))) {
            return files.filter(Files::isRegularFile).max((a, b) -> lastModified(a).compareTo(lastModified(b)))
                    .orElseThrow();
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A port nobody listens on now. Another process could take it before the
     * app does; on a test machine that is rare enough, and the app then fails
     * to start with a clear "Port ... was already in use".
     */
    private static int freePort() throws IOException {
        // On every interface: the app listens on all of them, the provider on 127.0.0.1.
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static int status(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setInstanceFollowRedirects(false);
        connection.setConnectTimeout(1000);
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }

    /** A URL's query parameters, decoded. */
    private static Map<String, String> query(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        UriComponentsBuilder.fromUriString(url).build().getQueryParams().forEach((name, values) -> parameters.put(
                name, java.net.URLDecoder.decode(values.get(0), StandardCharsets.UTF_8)));
        return parameters;
    }

    /** The hidden fields of a page's forms, values unescaped. */
    private static Map<String, String> hiddenFields(Page page) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN_FIELD.matcher(page.body());
        while (m.find()) {
            fields.put(m.group(1), unescape(m.group(2)));
        }
        return fields;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
