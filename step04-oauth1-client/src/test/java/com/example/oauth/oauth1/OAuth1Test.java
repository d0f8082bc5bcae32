package com.example.oauth.oauth1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import com.example.oauth.common.oauth1.Parameter;
import com.example.oauth.common.testing.Browser;
import com.example.oauth.common.testing.Browser.Page;
import com.example.oauth.common.testing.ProviderTest;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the OAuth 1 tests share: registering a client and answering the consent page, over HTTP. */
abstract class OAuth1Test extends ProviderTest {

    static final String CALLBACK = "http://localhost:8000/authorized";

    /** A registered client's credentials. */
    record Credentials(String key, String secret) {
    }

    /** An answer of the provider, read whole. */
    record Answer(int status, String body, okhttp3.Headers headers) {

        Map<String, String> form() {
            Map<String, String> fields = new HashMap<>();
            for (Parameter p : Parameter.parseForm(body)) {
                fields.put(p.name(), p.value());
            }
            return fields;
        }

        String header(String name) {
            return headers.get(name);
        }
    }

    private final OkHttpClient http = new OkHttpClient();

    /** Registers a client over HTTP, as a developer would. */
    Credentials registerClient(String redirectUris, String realms) {
        Browser developer = new Browser();
        developer.logIn(provider(), uniqueName("developer"));
        Map<String, String> form = new HashMap<>();
        form.put("redirect_uri", redirectUris);
        form.put("realms", realms);
        form.put("_csrf", developer.get(provider() + "/client").csrfToken());
        Page page = developer.post(provider() + "/client", form, Map.of("Accept", "application/json"));
        assertThat(page.status()).as(page.body()).isEqualTo(201);
        JsonNode json = JsonMapper.builder().build().readTree(page.body());
        return new Credentials(json.get("client_key").asString(), json.get("client_secret").asString());
    }

    /** A user logs in, opens the consent page of this token and answers it; returns the answer page. */
    Page consent(Browser user, String requestToken, String confirm) {
        Page form = user.get(provider() + "/oauth/authorize?oauth_token=" + requestToken);
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        return user.post(provider() + "/oauth/authorize",
                Map.of("oauth_token", requestToken, "confirm", confirm, "_csrf", form.csrfToken()));
    }

    Browser loggedInUser(String name) {
        Browser user = new Browser();
        user.logIn(provider(), name);
        return user;
    }

    Answer send(Request request) {
        try (Response response = http.newCall(request).execute()) {
            return new Answer(response.code(), response.body().string(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of a query parameter of a URL. */
    static String queryParameter(String url, String name) {
        return okhttp3.HttpUrl.get(url).queryParameter(name);
    }
}
