package com.example.clientapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.example.clientapp.common.Dance;
import com.example.clientapp.common.Leg;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The id_token is checked as OpenID Connect Core §3.1.3.7 says, by Spring
 * Security's own validators, with its key set fetched through the recorded
 * client; each check that passed is written on the token leg, and a refusal
 * says why.
 */
class IdTokenChecksTest {

    private static final String ISSUER = "http://127.0.0.1:5000";
    private static RSAKey key;

    private final MockHttpServletRequest browser = new MockHttpServletRequest();
    private final ProviderCalls calls = new ProviderCalls();
    private final RestTemplate jwksHttp = new RestTemplate();
    private MockRestServiceServer provider;
    private Dance dance;

    @BeforeAll
    static void theProvidersKey() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("key-1").generate();
    }

    @BeforeEach
    void aSignInUnderWay() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(browser));
        dance = Dance.start(browser.getSession());
        dance.add(new Leg(LegKind.TOKEN_REQUEST, "POST /oauth/token", "HTTP/1.1 200"));
        jwksHttp.getInterceptors().add(calls.recording(LegKind.JWKS));
        provider = MockRestServiceServer.bindTo(jwksHttp).build();
        provider.expect(requestTo(ISSUER + "/oauth/jwks")).andRespond(withSuccess(
                new JWKSet(key.toPublicJWK()).toString(), MediaType.APPLICATION_JSON));
    }

    @AfterEach
    void noRequestLeft() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aGoodIdTokenPassesAndEachCheckIsWrittenOnTheTokenLeg() throws Exception {
        JwtDecoder decoder = new IdTokenChecks(jwksHttp, calls).createDecoder(registration());

        Jwt jwt = decoder.decode(idToken(key, ISSUER, "demo-1", Instant.now().plusSeconds(300)));

        assertThat(jwt.getSubject()).isEqualTo("alice");
        assertThat(dance.newest(LegKind.JWKS).answer()).contains("\"kid\":\"key-1\"");
        List<Leg.Check> checks = dance.newest(LegKind.TOKEN_REQUEST).checks();
        assertThat(checks).allMatch(Leg.Check::passed).extracting(Leg.Check::what).satisfiesExactly(
                signature -> assertThat(signature).contains("RS256").contains("kid=key-1"),
                iss -> assertThat(iss).startsWith("iss is " + ISSUER),
                aud -> assertThat(aud).contains("[demo-1]").contains("client_id demo-1"),
                exp -> assertThat(exp).startsWith("exp "));
    }

    @Test
    void anIdTokenForAnotherClientIsRefused() throws Exception {
        JwtDecoder decoder = new IdTokenChecks(jwksHttp, calls).createDecoder(registration());

        assertThatThrownBy(() -> decoder.decode(idToken(key, ISSUER, "another-client", Instant.now().plusSeconds(300))))
                .isInstanceOf(JwtException.class);

        assertThat(dance.newest(LegKind.TOKEN_REQUEST).checks()).singleElement().satisfies(check -> {
            assertThat(check.passed()).isFalse();
            assertThat(check.what()).startsWith("the id_token was refused: ").contains("aud");
        });
    }

    @Test
    void anIdTokenFromAnotherIssuerOrExpiredIsRefused() throws Exception {
        JwtDecoder decoder = new IdTokenChecks(jwksHttp, calls).createDecoder(registration());

        assertThatThrownBy(() -> decoder.decode(idToken(key, "http://evil.example", "demo-1",
                Instant.now().plusSeconds(300)))).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(idToken(key, ISSUER, "demo-1", Instant.now().minusSeconds(600))))
                .isInstanceOf(JwtException.class);

        assertThat(dance.newest(LegKind.TOKEN_REQUEST).checks()).hasSize(2).noneMatch(Leg.Check::passed);
    }

    @Test
    void anIdTokenSignedByAKeyNotInTheJwksIsRefused() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("key-1").generate();
        JwtDecoder decoder = new IdTokenChecks(jwksHttp, calls).createDecoder(registration());

        assertThatThrownBy(() -> decoder.decode(idToken(stranger, ISSUER, "demo-1", Instant.now().plusSeconds(300))))
                .isInstanceOf(JwtException.class);

        assertThat(dance.newest(LegKind.TOKEN_REQUEST).checks()).singleElement()
                .satisfies(check -> assertThat(check.passed()).isFalse());
    }

    static ClientRegistration registration() {
        return ClientRegistration.withRegistrationId(ClientAppProperties.REGISTRATION_ID).clientId("demo-1")
                .clientSecret("secret").authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://localhost:8000/login/oauth2/code/tutorial").scope("openid", "profile")
                .issuerUri(ISSUER).authorizationUri(ISSUER + "/oauth/authorize").tokenUri(ISSUER + "/oauth/token")
                .jwkSetUri(ISSUER + "/oauth/jwks").userNameAttributeName("sub").build();
    }

    static String idToken(RSAKey signer, String issuer, String audience, Instant expires) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID())
                .type(JOSEObjectType.JWT).build(), new JWTClaimsSet.Builder().issuer(issuer).subject("alice")
                .audience(audience).issueTime(Date.from(Instant.now().minusSeconds(5)))
                .expirationTime(Date.from(expires)).claim("nonce", "n-0S6").build());
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }
}
