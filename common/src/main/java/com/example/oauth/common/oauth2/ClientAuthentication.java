package com.example.oauth.common.oauth2;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import com.example.oauth.common.form.PercentDecoding;
import com.example.oauth.common.security.Sha256;

/**
 * How a client says who it is at the token, revocation and introspection
 * endpoints (RFC 6749 §2.3): its id and secret in a Basic header, or both
 * in the form body, or (a public client, which has no secret) its id alone.
 * The method names are those of RFC 7591 §2, which the metadata lists.
 * Every failure is invalid_client, 401 (see {@link OAuth2Error}), except
 * two methods at once, a malformed request.
 *
 * @param clientSecret null for {@link Method#NONE}
 */
public record ClientAuthentication(String clientId, String clientSecret, Method method) {

    public enum Method {

        /** RFC 6749 §2.3.1: {@code Authorization: Basic base64(id:secret)}. */
        CLIENT_SECRET_BASIC("client_secret_basic"),
        /** RFC 6749 §2.3.1: client_id and client_secret in the form body. */
        CLIENT_SECRET_POST("client_secret_post"),
        /** A public client: client_id alone, in the body. */
        NONE("none");

        private final String value;

        Method(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    /**
     * §2.3, §3.2.1: who is calling. A confidential client proves it with its
     * secret; a public client has none and sends its client_id alone.
     */
    public static RegisteredClient authenticate(FormRequest request, OAuth2Storage storage) {
        ClientAuthentication credentials = of(request);
        RegisteredClient client = storage.findClient(credentials.clientId()).orElseThrow(() ->
                OAuth2Error.invalidClient("No client is registered with client_id "
                        + ErrorText.quote(credentials.clientId()) + "."));
        if (client.getClientType() == ClientType.PUBLIC) {
            if (credentials.method() != Method.NONE) {
                throw OAuth2Error.invalidClient("This is a public client: it has no secret. Send client_id alone,"
                        + " in the body.");
            }
        } else {
            if (credentials.method() == Method.NONE) {
                throw OAuth2Error.invalidClient("This is a confidential client: send its secret too, in a Basic"
                        + " header or as client_secret in the body.");
            }
            if (!Sha256.matches(credentials.clientSecret(), client.getClientSecretHash())) {
                throw OAuth2Error.invalidClient("The client secret is wrong.");
            }
        }
        return client;
    }

    /**
     * Reads the client's credentials from a request, without checking them.
     * A client uses one method only (§2.3): a Basic header and a
     * client_secret in the body together are an invalid_request.
     */
    static ClientAuthentication of(FormRequest request) {
        Optional<String> bodyId = request.get("client_id");
        Optional<String> bodySecret = request.get("client_secret");
        if (request.authorization() != null) {
            ClientAuthentication basic = fromBasicHeader(request.authorization());
            if (bodySecret.isPresent()) {
                throw OAuth2Error.invalidRequest("The client authenticated twice, with a Basic header and with"
                        + " client_secret in the body: use one method only (RFC 6749 Section 2.3).");
            }
            // client_id may come along in the body, but must name the same client.
            if (bodyId.isPresent() && !bodyId.get().equals(basic.clientId())) {
                throw OAuth2Error.invalidRequest("client_id in the body is not the client of the Basic header.");
            }
            return basic;
        }
        if (bodyId.isEmpty()) {
            throw OAuth2Error.invalidClient("No client authentication: send the client's id and secret in a Basic"
                    + " header (client_secret_basic) or as client_id and client_secret in the body"
                    + " (client_secret_post); a public client sends client_id alone.");
        }
        return bodySecret
                .map(secret -> new ClientAuthentication(bodyId.get(), secret, Method.CLIENT_SECRET_POST))
                .orElseGet(() -> new ClientAuthentication(bodyId.get(), null, Method.NONE));
    }

    /**
     * RFC 6749 §2.3.1: {@code Basic base64(urlencode(id) ":" urlencode(secret))}.
     * The id and secret are form-encoded before Base64, so a ':' in either
     * cannot be mistaken for the separator; here they are decoded back.
     */
    static ClientAuthentication fromBasicHeader(String header) {
        String[] schemeAndValue = header.strip().split(" +", 2);
        // RFC 9110 §11.1: the scheme name is case-insensitive.
        if (!schemeAndValue[0].equalsIgnoreCase("Basic")) {
            throw OAuth2Error.invalidClient("The Authorization header uses the scheme "
                    + ErrorText.quote(schemeAndValue[0]) + ": send the client's id and secret with Basic.");
        }
        String decoded;
        try {
            byte[] bytes = Base64.getDecoder().decode(schemeAndValue.length == 2 ? schemeAndValue[1] : "");
            decoded = new String(bytes, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformedBasic();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw malformedBasic();
        }
        try {
            return new ClientAuthentication(PercentDecoding.decodeForm(decoded.substring(0, colon)),
                    PercentDecoding.decodeForm(decoded.substring(colon + 1)), Method.CLIENT_SECRET_BASIC);
        } catch (IllegalArgumentException e) {
            throw malformedBasic();
        }
    }

    private static OAuth2Error malformedBasic() {
        return OAuth2Error.invalidClient("The Basic header is malformed: it must be Basic followed by the Base64 of"
                + " client_id:client_secret, each form-urlencoded first (RFC 6749 Section 2.3.1).");
    }
}
