package com.example.oauth.common.testing;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.example.oauth.common.oauth1.AuthorizationHeader;
import com.example.oauth.common.oauth1.Parameter;
import com.example.oauth.common.oauth1.SignatureBaseString;
import com.example.oauth.common.oauth1.SignatureMethods;
import com.example.oauth.common.oauth1.SignedRequest;

import okhttp3.FormBody;
import okhttp3.Request;

/**
 * Builds OAuth 1 requests by hand, so that tests can break any one rule
 * (drop a parameter, repeat one, sign wrongly, reuse a nonce). The good path
 * is tested with scribejava, an independent implementation.
 */
public class SignedRequestBuilder {

    private final String method;
    private final String url;
    private final Map<String, String> oauth = new LinkedHashMap<>();
    private final List<Parameter> extraHeader = new ArrayList<>();
    private final List<Parameter> query = new ArrayList<>();
    private final List<Parameter> body = new ArrayList<>();
    private String clientSecret = "";
    private String tokenSecret = "";
    private String signatureOverride;

    public SignedRequestBuilder(String method, String url, String clientKey, String clientSecret) {
        this.method = method;
        this.url = url;
        this.clientSecret = clientSecret;
        oauth.put("oauth_consumer_key", clientKey);
        oauth.put("oauth_signature_method", "HMAC-SHA1");
        oauth.put("oauth_timestamp", Long.toString(Instant.now().getEpochSecond()));
        oauth.put("oauth_nonce", Long.toString(System.nanoTime(), 36) + Math.random());
        oauth.put("oauth_version", "1.0");
    }

    public SignedRequestBuilder token(String token, String secret) {
        oauth.put("oauth_token", token);
        this.tokenSecret = secret;
        return this;
    }

    /** Sets (or with null, removes) a protocol parameter of the header. */
    public SignedRequestBuilder oauth(String name, String value) {
        if (value == null) {
            oauth.remove(name);
        } else {
            oauth.put(name, value);
        }
        return this;
    }

    /** Adds a parameter to the header beside the oauth_ ones (e.g. a repeated one). */
    public SignedRequestBuilder header(String name, String value) {
        extraHeader.add(new Parameter(name, value));
        return this;
    }

    public SignedRequestBuilder query(String name, String value) {
        query.add(new Parameter(name, value));
        return this;
    }

    public SignedRequestBuilder body(String name, String value) {
        body.add(new Parameter(name, value));
        return this;
    }

    public SignedRequestBuilder signWith(String clientSecret, String tokenSecret) {
        this.clientSecret = clientSecret;
        this.tokenSecret = tokenSecret;
        return this;
    }

    /** Sends this value as oauth_signature instead of the right one. */
    public SignedRequestBuilder signature(String signature) {
        this.signatureOverride = signature;
        return this;
    }

    public Request build() {
        String target = query.isEmpty() ? url : url + "?" + encoded(query);
        Request.Builder request = new Request.Builder().url(target).header("Authorization", authorization());
        if (method.equals("POST")) {
            FormBody.Builder form = new FormBody.Builder();
            body.forEach(p -> form.add(p.name(), p.value()));
            request.post(form.build());
        }
        return request.build();
    }

    /**
     * The same request as the engine reads it, without HTTP, for the
     * engine's own tests: the form body, if any, is sent with a POST.
     *
     * @param secure whether it is to look as if it came over HTTPS
     */
    public SignedRequest toSignedRequest(boolean secure) {
        return SignedRequest.read(method, url, query.isEmpty() ? null : encoded(query), authorization(),
                body.isEmpty() ? null : encoded(body), secure);
    }

    /** The Authorization header, signed unless {@link #signature} set a value. */
    public String authorization() {
        List<Parameter> header = new ArrayList<>();
        oauth.forEach((name, value) -> header.add(new Parameter(name, value)));
        header.addAll(extraHeader);
        List<Parameter> all = new ArrayList<>(header);
        all.addAll(query);
        all.addAll(body);
        String signature = signatureOverride;
        if (signature == null) {
            String baseString = SignatureBaseString.of(method, URI.create(url), all);
            signature = SignatureMethods.byName(oauth.getOrDefault("oauth_signature_method", "HMAC-SHA1"))
                    .filter(m -> m == SignatureMethods.HMAC_SHA1 || m == SignatureMethods.HMAC_SHA256)
                    .map(m -> m == SignatureMethods.HMAC_SHA1
                            ? SignatureMethods.HMAC_SHA1.sign(baseString, clientSecret, tokenSecret)
                            : SignatureMethods.HMAC_SHA256.sign(baseString, clientSecret, tokenSecret))
                    .orElse("not-signed");
        }
        header.add(new Parameter("oauth_signature", signature));
        return AuthorizationHeader.format(header);
    }

    /** The signature base string of this request, as {@link #authorization} signs it (without a signature). */
    public String baseString() {
        List<Parameter> all = new ArrayList<>();
        oauth.forEach((name, value) -> all.add(new Parameter(name, value)));
        all.addAll(extraHeader);
        all.addAll(query);
        all.addAll(body);
        return SignatureBaseString.of(method, URI.create(url), all);
    }

    private static String encoded(List<Parameter> parameters) {
        return parameters.stream().map(Parameter::encoded).collect(Collectors.joining("&"));
    }
}
