package com.example.clientapp;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestOperations;

import com.example.clientapp.common.Dance;

/**
 * How Spring Security checks the id_token, OpenID Connect Core §3.1.3.7,
 * made the way Spring's own {@link OidcIdTokenDecoderFactory} makes it
 * (which offers no way to give it an HTTP client), with two additions: the
 * key set is fetched through the app's recorded client, and each check
 * that passed is written on the token leg of the dance, with the values it
 * compared. The nonce is checked after this, by Spring's login provider
 * (see {@link SignInLegs}).
 */
public class IdTokenChecks implements JwtDecoderFactory<ClientRegistration> {

    private final RestOperations jwksHttp;
    private final ProviderCalls calls;
    private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

    public IdTokenChecks(RestOperations jwksHttp, ProviderCalls calls) {
        this.jwksHttp = jwksHttp;
        this.calls = calls;
    }

    /** One decoder per registration, as Spring keeps them: its key set is cached with it. */
    @Override
    public JwtDecoder createDecoder(ClientRegistration registration) {
        return decoders.computeIfAbsent(registration.getRegistrationId(), id -> {
            // §3.1.3.7 rule 6: the signature, by the key of the JWKS whose kid the header names,
            // with the algorithm the provider's metadata announces (RS256).
            NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256).restOperations(jwksHttp).build();
            // Rules 2, 3, 4, 9, 10: iss, aud, azp, exp, iat (with Spring's 60 s of clock skew).
            nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
                    new OidcIdTokenValidator(registration)));
            nimbus.setClaimSetConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverter());
            return token -> decode(nimbus, registration, token);
        });
    }

    private Jwt decode(JwtDecoder nimbus, ClientRegistration registration, String token) {
        Dance dance = Dance.current();
        Jwt jwt;
        try {
            jwt = nimbus.decode(token);
        } catch (JwtException e) {
            if (dance != null) {
                calls.reuse(dance, LegKind.JWKS);
                dance.check(LegKind.TOKEN_REQUEST, "the id_token was refused: " + e.getMessage(), false);
            }
            throw e;
        }
        if (dance != null) {
            calls.reuse(dance, LegKind.JWKS);
            for (String check : passed(jwt, registration)) {
                dance.check(LegKind.TOKEN_REQUEST, check, true);
            }
        }
        return jwt;
    }

    /** What was checked, with the values compared, for a token that passed every check. */
    static List<String> passed(Jwt jwt, ClientRegistration registration) {
        return List.of(
                "id_token signature: " + jwt.getHeaders().get("alg") + ", verified with the provider's key kid="
                        + jwt.getHeaders().get("kid") + " from its JWKS (§3.1.3.7 rule 6)",
                "iss is " + jwt.getClaimAsString("iss") + ", the issuer of the discovery (rule 2)",
                "aud " + jwt.getAudience() + " holds this app's client_id " + registration.getClientId() + " (rule 3)",
                "exp " + jwt.getExpiresAt() + " is after now, " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " (rule 9)");
    }
}
