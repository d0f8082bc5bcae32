package com.example.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.SpringApplication;

import com.example.bench.bare.BareApplication;
import com.example.oauth.common.oauth1.Parameter;
import com.example.oauth.common.testing.Browser;
import com.example.oauth.common.testing.Browser.Page;
import com.example.oauth.common.testing.SignedRequestBuilder;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load tools for the providers, run by bench/*.sh; see bench/README.md.
 *
 * <pre>
 * baseline [--server.port=...]                   the yardstick app
 * bare [--server.port=...]                       the steps' starters and no code of theirs (start-up times)
 * oauth1-sign PROVIDER COUNT FILE                one Authorization header per line, each with its own nonce
 * oauth1-soak PROVIDER MINUTES THREADS H2URL     signed /api/me for MINUTES, printing the nonce table size
 * oauth2-token PROVIDER                          prints a bearer access token with scope profile
 * oauth2-soak PROVIDER MINUTES THREADS H2URL     code exchanges and refreshes for MINUTES, printing table sizes
 * </pre>
 */
public final class Bench {

    private static final OkHttpClient HTTP = new OkHttpClient.Builder()
            .connectionPool(new okhttp3.ConnectionPool(16, 1, java.util.concurrent.TimeUnit.MINUTES)).build();

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "baseline" -> SpringApplication.run(BaselineApplication.class, args);
            case "bare" -> SpringApplication.run(BareApplication.class, args);
            case "oauth1-sign" -> oauth1Sign(args[1], Integer.parseInt(args[2]), Path.of(args[3]));
            case "oauth1-soak" -> oauth1Soak(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4]);
            case "oauth2-token" -> System.out.println(new OAuth2Client(args[1]).newTokens().get("access_token").asString());
            case "oauth2-soak" -> oauth2Soak(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4]);
            default -> System.err.println("usage: see the Javadoc of " + Bench.class.getName());
        }
    }

    /** A client registered and authorized over HTTP, as in the tests: key, secret, token, token secret. */
    record OAuth1Credentials(String key, String secret, String token, String tokenSecret) {
    }

    static OAuth1Credentials oauth1Dance(String provider) {
        String callback = "http://localhost:8000/authorized";
        Browser user = new Browser();
        user.logIn(provider, "bench");
        Map<String, String> form = new HashMap<>(Map.of("redirect_uri", callback,
                "realms", System.getenv().getOrDefault("BENCH_REALMS", "profile")));
        form.put("_csrf", user.get(provider + "/client").csrfToken());
        JsonNode client = JsonMapper.builder().build().readTree(
                user.post(provider + "/client", form, Map.of("Accept", "application/json")).body());
        String key = client.get("client_key").asString();
        String secret = client.get("client_secret").asString();

        Map<String, String> temporary = formOf(send(new SignedRequestBuilder("POST", provider + "/oauth/request_token",
                key, secret).oauth("oauth_callback", callback).build()));
        Page consent = user.get(provider + "/oauth/authorize?oauth_token=" + temporary.get("oauth_token"));
        Page back = user.post(provider + "/oauth/authorize", Map.of("oauth_token", temporary.get("oauth_token"),
                "confirm", "yes", "_csrf", consent.csrfToken()));
        String verifier = okhttp3.HttpUrl.get(back.location()).queryParameter("oauth_verifier");
        Map<String, String> access = formOf(send(new SignedRequestBuilder("POST", provider + "/oauth/access_token",
                key, secret).token(temporary.get("oauth_token"), temporary.get("oauth_token_secret"))
                .oauth("oauth_verifier", verifier).build()));
        return new OAuth1Credentials(key, secret, access.get("oauth_token"), access.get("oauth_token_secret"));
    }

    static Request signedMe(String provider, OAuth1Credentials c) {
        return new SignedRequestBuilder("GET", provider + "/api/me", c.key(), c.secret())
                .token(c.token(), c.tokenSecret()).build();
    }

    /** wrk cannot sign: every request needs a fresh nonce, so the headers are made ahead. */
    static void oauth1Sign(String provider, int count, Path out) throws IOException {
        OAuth1Credentials c = oauth1Dance(provider);
        if (send(signedMe(provider, c)).code != 200 && System.getenv("BENCH_REALMS") == null) {
            throw new IllegalStateException("/api/me refused the benchmark's token");
        }
        List<String> headers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            headers.add(signedMe(provider, c).header("Authorization"));
        }
        Files.write(out, headers);
        System.out.println("wrote " + count + " signed Authorization headers to " + out);
    }

    /** A steady stream of signed calls; the nonce table must stay near one timestamp window's worth. */
    static void oauth1Soak(String provider, int minutes, int threads, String h2Url) throws Exception {
        OAuth1Credentials c = oauth1Dance(provider);
        long end = System.nanoTime() + Duration.ofMinutes(minutes).toNanos();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < end) {
                    (send(signedMe(provider, c)).code == 200 ? ok : failed).incrementAndGet();
                }
            });
            worker.start();
            workers.add(worker);
        }
        long maxNonces = 0;
        long last = 0;
        while (System.nanoTime() < end) {
            Thread.sleep(30_000);
            long nonces = count(h2Url, "select count(*) from nonce");
            maxNonces = Math.max(maxNonces, nonces);
            long done = ok.get();
            System.out.printf("ok=%d failed=%d rate=%.0f/s nonces=%d%n", done, failed.get(), (done - last) / 30.0, nonces);
            last = done;
        }
        for (Thread worker : workers) {
            worker.join();
        }
        System.out.printf("total ok=%d failed=%d; largest nonce table seen: %d rows%n", ok.get(), failed.get(), maxNonces);
    }

    /**
     * A steady stream of the OAuth 2 flow's writes: each round a new code
     * exchanged for tokens, then refreshed twice. The code and token tables
     * must stay bounded by what is live, however long it runs.
     */
    static void oauth2Soak(String provider, int minutes, int threads, String h2Url) throws Exception {
        OAuth2Client client = new OAuth2Client(provider);
        long end = System.nanoTime() + Duration.ofMinutes(minutes).toNanos();
        AtomicLong rounds = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        String refresh = client.newTokens().get("refresh_token").asString();
                        refresh = client.refresh(refresh).get("refresh_token").asString();
                        client.refresh(refresh);
                        rounds.incrementAndGet();
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        while (System.nanoTime() < end) {
            Thread.sleep(30_000);
            System.out.printf("rounds=%d failed=%d grants=%d tokens=%d%n", rounds.get(), failed.get(),
                    count(h2Url, "select count(*) from grants"), count(h2Url, "select count(*) from token"));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        System.out.printf("total rounds=%d failed=%d%n", rounds.get(), failed.get());
    }

    static long count(String h2Url, String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(h2Url, "", "");
             ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    record Answer(int code, String body) {
    }

    static Answer send(Request request) {
        try (Response response = HTTP.newCall(request).execute()) {
            return new Answer(response.code(), response.body().string());
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        }
    }

    static Map<String, String> formOf(Answer answer) {
        Map<String, String> fields = new HashMap<>();
        for (Parameter p : Parameter.parseForm(answer.body())) {
            fields.put(p.name(), p.value());
        }
        return fields;
    }
}
