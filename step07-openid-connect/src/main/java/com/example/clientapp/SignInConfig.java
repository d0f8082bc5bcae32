package com.example.clientapp;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestTemplate;

import com.example.clientapp.common.BrowserLegs;

/**
 * Spring Security's OAuth2 Login, an OpenID Connect relying party, set up
 * as Spring Boot would set it up from {@code issuer-uri}, with the
 * provider's calls made through recorded HTTP clients (one per kind of
 * call, so each is a leg of the dance) and the id_token's checks written
 * down. Spring's own paths stay: {@code /oauth2/authorization/tutorial}
 * starts a sign-in, {@code /login/oauth2/code/tutorial} is the redirect
 * URI, {@code POST /logout} logs out (its CSRF token checked by Spring).
 */
@Configuration
public class SignInConfig {

    @Bean
    ProviderCalls providerCalls() {
        return new ProviderCalls();
    }

    @Bean
    Discovery discovery(ClientAppProperties properties, ProviderCalls calls) {
        if (isBlank(properties.clientId()) || isBlank(properties.clientSecret())) {
            throw new IllegalStateException("The client app needs its credentials: register a confidential client at "
                    + properties.issuer() + "/client with scope openid profile, the redirect URI "
                    + properties.redirectUri() + " and the post-logout redirect URI "
                    + properties.postLogoutRedirectUri() + ", then set client-app.client-id and"
                    + " client-app.client-secret (or CLIENT_APP_CLIENT_ID and CLIENT_APP_CLIENT_SECRET).");
        }
        return new Discovery(properties, RestClient.builder().requestFactory(timeouts())
                .requestInterceptor(calls.recording(LegKind.DISCOVERY)).build(), calls);
    }

    /** Found by Spring's OAuth2 Login as the bean that makes the id_token's decoder. */
    @Bean
    IdTokenChecks idTokenChecks(ProviderCalls calls) {
        RestTemplate jwks = new RestTemplate(timeouts());
        jwks.getInterceptors().add(calls.recording(LegKind.JWKS));
        return new IdTokenChecks(jwks, calls);
    }

    @Bean
    SecurityFilterChain signIn(HttpSecurity http, Discovery discovery, ProviderCalls calls,
            ClientAppProperties properties) throws Exception {
        // OpenID Connect Core §3.1.3.1: the token request, as Spring makes it (its converters and
        // its reading of an error answer), through the recorded client.
        RestClientAuthorizationCodeTokenResponseClient tokens = new RestClientAuthorizationCodeTokenResponseClient();
        tokens.setRestClient(RestClient.builder().requestFactory(timeouts())
                .configureMessageConverters(converters -> converters
                        .addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .requestInterceptor(calls.recording(LegKind.TOKEN_REQUEST)).build());
        // §5.3: UserInfo, asked when the token holds a profile scope (Spring's default rule).
        RestTemplate userInfoHttp = new RestTemplate(timeouts());
        userInfoHttp.setErrorHandler(new OAuth2ErrorResponseErrorHandler());
        userInfoHttp.getInterceptors().add(calls.recording(LegKind.USERINFO));
        DefaultOAuth2UserService userInfo = new DefaultOAuth2UserService();
        userInfo.setRestOperations(userInfoHttp);
        OidcUserService users = new OidcUserService();
        users.setOauth2UserService(userInfo);

        SignInHandlers outcome = new SignInHandlers(properties.issuer());
        EndSession endSession = new EndSession(discovery, properties);
        http.authorizeHttpRequests(requests -> requests
                        // "/" greets a signed-in user and sends anyone else to sign in (ClientAppController).
                        .requestMatchers("/", "/dance", "/refused", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        // No generated login page: "/" starts the sign-in.
                        .loginPage("/")
                        .clientRegistrationRepository(discovery)
                        // OpenID Connect Core §3.1.2.1: Spring's request carries state, a nonce (the
                        // hash of a value it keeps in the session, §15.5.2) and, as the registration asks,
                        // a PKCE challenge (RFC 7636 §4.3).
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(
                                new WhileProviderDown(new DefaultOAuth2AuthorizationRequestResolver(discovery,
                                        "/oauth2/authorization"))))
                        // The tokens live in the visitor's session, and leave with it at logout.
                        .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                        .tokenEndpoint(token -> token.accessTokenResponseClient(tokens))
                        .userInfoEndpoint(endpoint -> endpoint.oidcUserService(users))
                        .successHandler(outcome)
                        .failureHandler(outcome))
                .logout(logout -> logout.addLogoutHandler(endSession).logoutSuccessHandler(endSession))
                // The same headers as every page of the tutorial (common's SecurityHeaders), on the
                // answers Spring Security's filters make too (its redirects).
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'"))
                        // The logout URL carries the id_token: never send it on to another site.
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    /**
     * The legs through the browser: the authentication request Spring sends, and the answer at
     * the redirect URI. Just in front of Spring Security's filters, which answer both paths.
     */
    @Bean
    FilterRegistrationBean<BrowserLegs> browserLegs(ClientAppProperties properties) {
        FilterRegistrationBean<BrowserLegs> registration = new FilterRegistrationBean<>(new BrowserLegs(
                properties.authorizationEndpoint(), "/login/oauth2/code/" + ClientAppProperties.REGISTRATION_ID,
                LegKind.AUTHORIZATION_REQUEST, LegKind.AUTHORIZATION_RESPONSE, Secrets.MASKING));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    /**
     * Spring answers 500 when it cannot make the authentication request (the
     * provider's metadata could not be read): this lets the request through
     * instead, to the sign-in page "/", which says what is wrong (502).
     */
    private record WhileProviderDown(OAuth2AuthorizationRequestResolver spring)
            implements OAuth2AuthorizationRequestResolver {

        @Override
        public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
            try {
                return spring.resolve(request);
            } catch (RestClientException | IllegalStateException providerDown) {
                return null;
            }
        }

        @Override
        public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
            try {
                return spring.resolve(request, registrationId);
            } catch (RestClientException | IllegalStateException providerDown) {
                return null;
            }
        }
    }

    /** Short timeouts: a provider that is down should show an error page, not hang. */
    private static SimpleClientHttpRequestFactory timeouts() {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(Duration.ofSeconds(5));
        factory.setReadTimeout(Duration.ofSeconds(10));
        return factory;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
