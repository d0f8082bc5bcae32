package com.example.oauth.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import com.example.oauth.common.oauth1.Parameter;
import com.example.oauth.common.testing.Browser.Page;

import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.oauth.OAuth10aService;
import com.github.scribejava.httpclient.okhttp.OkHttpHttpClient;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the tests of an OAuth 1 provider step (step03, step04): registers
 * a client and answers the consent page over HTTP, as a developer and a
 * user would, and sends requests built by {@link SignedRequestBuilder}.
 */
public abstract class OAuth1ProviderTest extends ProviderTest {

    protected static final String CALLBACK = "http://localhost:8000/authorized";

    /** A registered client's credentials. */
    public record Credentials(String key, String secret) {
    }

    /** An answer of the provider, read whole. */
    public record Answer(int status, String body, okhttp3.Headers headers) {

        public Map<String, String> form() {
            Map<String, String> fields = new HashMap<>();
            for (Parameter p : Parameter.parseForm(body)) {
                fields.put(p.name(), p.value());
            }
            return fields;
        }

        public String header(String name) {
            return headers.get(name);
        }
    }

    private final OkHttpClient http = new OkHttpClient();

    protected Credentials registerClient(String redirectUris, String realms) {
        return registerClient(Map.of("redirect_uri", redirectUris, "realms", realms));
    }

    /** Registers a client over HTTP, as a developer would, with these fields of the form. */
    protected Credentials registerClient(Map<String, String> fields) {
        Browser developer = loggedInUser(uniqueName("developer"));
        Map<String, String> form = new HashMap<>(fields);
        form.put("_csrf", developer.get(provider() + "/client").csrfToken());
        Page page = developer.post(provider() + "/client", form, Map.of("Accept", "application/json"));
        assertThat(page.status()).as(page.body()).isEqualTo(201);
        JsonNode json = JsonMapper.builder().build().readTree(page.body());
        return new Credentials(json.get("client_key").asString(), json.get("client_secret").asString());
    }

    /** A request to this provider, signed with the client's credentials, to be changed at will. */
    protected SignedRequestBuilder signed(String method, String path, Credentials client) {
        return new SignedRequestBuilder(method, provider() + path, client.key(), client.secret());
    }

    /** scribejava, an OAuth 1.0a client written independently of this project, as the client. */
    protected OAuth10aService scribe(Credentials client, String callback, String scope) {
        ServiceBuilder builder = new ServiceBuilder(client.key()).apiSecret(client.secret()).callback(callback)
                .httpClient(new OkHttpHttpClient(new OkHttpClient()));
        if (scope != null) {
            builder.withScope(scope);
        }
        return builder.build(new TutorialOAuth1Api(provider()));
    }

    /** A user logs in, opens the consent page of this token and answers it; returns the answer page. */
    protected Page consent(Browser user, String requestToken, String confirm) {
        Page form = user.get(provider() + "/oauth/authorize?oauth_token=" + requestToken);
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        return user.post(provider() + "/oauth/authorize",
                Map.of("oauth_token", requestToken, "confirm", confirm, "_csrf", form.csrfToken()));
    }

    protected Browser loggedInUser(String name) {
        Browser user = new Browser();
        user.logIn(provider(), name);
        return user;
    }

    protected Answer send(Request request) {
        try (Response response = http.newCall(request).execute()) {
            return new Answer(response.code(), response.body().string(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of a query parameter of a URL. */
    protected static String queryParameter(String url, String name) {
        return okhttp3.HttpUrl.get(url).queryParameter(name);
    }
}
