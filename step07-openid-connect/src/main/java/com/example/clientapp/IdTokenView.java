package com.example.clientapp;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.example.oauth.common.security.SecretMask;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An id_token as the home page shows it: a JWS in compact form (RFC 7515
 * §7.1) is three base64url parts, the header, the claims and the
 * signature. The first two are JSON anyone can read; the signature is
 * shortened, since only the provider's key makes sense of it.
 *
 * @param header the JOSE header, pretty-printed (alg, kid)
 * @param claims each claim, its value as JSON, and for a time (exp, iat, auth_time) the date it means
 * @param signature the signature, shortened
 */
public record IdTokenView(String header, List<Claim> claims, String signature) {

    /** OpenID Connect Core §2: these claims are times, in seconds since 1970. */
    private static final Set<String> TIMES = Set.of("exp", "iat", "auth_time", "nbf", "updated_at");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Claim(String name, String value, String date) {
    }

    /** The parts of a compact JWS; a value that is not one says so instead of failing the page. */
    public static IdTokenView of(String jws) {
        String[] parts = jws.split("\\.", -1);
        if (parts.length != 3) {
            return new IdTokenView("(not a JWS: " + SecretMask.of(jws) + ")", List.of(), "");
        }
        try {
            String header = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json(parts[0]));
            List<Claim> claims = new ArrayList<>();
            for (Map.Entry<String, Object> claim : json(parts[1]).entrySet()) {
                Object value = claim.getValue();
                String date = TIMES.contains(claim.getKey()) && value instanceof Number seconds
                        ? Instant.ofEpochSecond(seconds.longValue()).toString() : null;
                claims.add(new Claim(claim.getKey(), JSON.writeValueAsString(value), date));
            }
            return new IdTokenView(header, claims, SecretMask.of(parts[2]));
        } catch (JacksonException | IllegalArgumentException unreadable) {
            return new IdTokenView("(unreadable: " + SecretMask.of(jws) + ")", List.of(), "");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String part) {
        byte[] bytes = Base64.getUrlDecoder().decode(part);
        return JSON.readValue(new String(bytes, StandardCharsets.UTF_8), LinkedHashMap.class);
    }
}
