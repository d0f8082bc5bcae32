package com.example.bench;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import com.example.oauth.common.security.RandomTokens;
import com.example.oauth.common.testing.Browser;
import com.example.oauth.common.testing.Browser.Page;

import okhttp3.FormBody;
import okhttp3.Request;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A confidential client of the OAuth 2 provider, registered over HTTP, and a user who always says yes. */
final class OAuth2Client {

    private static final String CALLBACK = "http://localhost:8000/authorized";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String provider;
    private final String id;
    private final String secret;
    private final Browser user = new Browser();

    OAuth2Client(String provider) {
        this.provider = provider;
        user.logIn(provider, "bench");
        Map<String, String> form = new HashMap<>(Map.of("redirect_uri", CALLBACK, "scope", "profile",
                "client_type", "confidential"));
        form.put("_csrf", user.get(provider + "/client").csrfToken());
        JsonNode client = JSON.readTree(user.post(provider + "/client", form, Map.of("Accept", "application/json")).body());
        this.id = client.get("client_id").asString();
        this.secret = client.get("client_secret").asString();
    }

    /** The whole code flow with PKCE: consent, code, tokens. */
    JsonNode newTokens() {
        String verifier = RandomTokens.generate(50);
        String url = provider + "/oauth/authorize?response_type=code&client_id=" + id + "&redirect_uri=" + CALLBACK
                + "&scope=profile&state=s&code_challenge_method=S256&code_challenge=" + challenge(verifier);
        Page consent = user.get(url);
        Map<String, String> answer = new HashMap<>();
        java.util.regex.Matcher hidden = java.util.regex.Pattern
                .compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(consent.body());
        while (hidden.find()) {
            answer.put(hidden.group(1), hidden.group(2).replace("&amp;", "&"));
        }
        answer.put("confirm", "yes");
        Page back = user.post(provider + "/oauth/authorize", answer);
        String code = okhttp3.HttpUrl.get(back.location()).queryParameter("code");
        return token(new FormBody.Builder().add("grant_type", "authorization_code").add("code", code)
                .add("redirect_uri", CALLBACK).add("code_verifier", verifier).build());
    }

    JsonNode refresh(String refreshToken) {
        return token(new FormBody.Builder().add("grant_type", "refresh_token").add("refresh_token", refreshToken)
                .build());
    }

    private JsonNode token(FormBody body) {
        Request request = new Request.Builder().url(provider + "/oauth/token")
                .header("Authorization", okhttp3.Credentials.basic(id, secret)).post(body).build();
        Bench.Answer answer = Bench.send(request);
        if (answer.code() != 200) {
            throw new IllegalStateException("token endpoint: " + answer.code() + " " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    private static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
