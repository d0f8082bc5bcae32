package com.example.clientapp;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.SupplierClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

import com.example.clientapp.common.BrowserLegs;
import com.example.clientapp.common.Dance;
import com.example.clientapp.common.Leg;

/**
 * Spring Security's OAuth2 Login, an OpenID Connect relying party, as Spring
 * Boot sets it up from client-app.properties, on its own paths
 * ({@code /oauth2/authorization/tutorial}, {@code /login/oauth2/code/tutorial},
 * {@code POST /logout}), with the dance written down: the browser's legs,
 * Spring's calls to the provider and the checks Spring made.
 */
@Configuration
@EnableConfigurationProperties(OAuth2ClientProperties.class)
public class SignInConfig {

    static final String LOGGED_OUT = "logged_out";

    /**
     * Spring Boot's registration from the properties, made at the first sign-in rather than at
     * start-up (and made again until it succeeds): a provider that starts later is found then.
     */
    @Bean
    SupplierClientRegistrationRepository registrations(OAuth2ClientProperties properties) {
        return new SupplierClientRegistrationRepository(() -> new InMemoryClientRegistrationRepository(
                new OAuth2ClientPropertiesMapper(properties).asClientRegistrations()));
    }

    /**
     * Spring's own id_token checks (OpenID Connect Core §3.1.3.7), found by OAuth2 Login as this
     * bean; each check that passed is written on the token leg with the values it compared.
     */
    @Bean
    JwtDecoderFactory<ClientRegistration> idTokenDecoders() {
        OidcIdTokenDecoderFactory spring = new OidcIdTokenDecoderFactory();
        return registration -> token -> {
            Jwt jwt = spring.createDecoder(registration).decode(token);
            Dance dance = Dance.current();
            Leg authorization = dance == null ? null : dance.newest(LegKind.AUTHORIZATION_REQUEST);
            if (authorization != null) {
                dance.check(LegKind.TOKEN_REQUEST, "id_token signature: " + jwt.getHeaders().get("alg")
                        + ", verified with the provider's key kid=" + jwt.getHeaders().get("kid")
                        + " from its jwks_uri (rule 6)", true);
                dance.check(LegKind.TOKEN_REQUEST, "iss is " + jwt.getIssuer()
                        + ", the issuer of the discovery (rule 2)", true);
                dance.check(LegKind.TOKEN_REQUEST, "aud " + jwt.getAudience() + " holds this app's client_id "
                        + registration.getClientId() + " (rule 3)", true);
                dance.check(LegKind.TOKEN_REQUEST, "exp " + jwt.getExpiresAt() + " is still to come (rule 9)", true);
                // Rule 11, §15.5.2: Spring sent the hash of a value kept in this browser's session, and compares.
                String nonce = jwt.getClaimAsString("nonce");
                dance.check(LegKind.TOKEN_REQUEST, "nonce is " + nonce + ", the one this browser's sign-in sent in leg "
                        + authorization.number() + " (rule 11)",
                        nonce != null && nonce.equals(ProviderCalls.parameter(authorization.message(), "nonce")));
            }
            return jwt;
        };
    }

    @Bean
    SecurityFilterChain signIn(HttpSecurity http, ClientRegistrationRepository registrations,
            @Value("${client-app.post-logout-redirect-uri}") String postLogoutRedirectUri) throws Exception {
        // The token and UserInfo requests (OpenID Connect Core §3.1.3.1, §5.3), made with Spring's
        // converters and its reading of an error answer, through one recorded, buffering client.
        RestTemplate provider = new RestTemplate();
        provider.getMessageConverters().add(0, new OAuth2AccessTokenResponseHttpMessageConverter());
        provider.setErrorHandler(new OAuth2ErrorResponseErrorHandler());
        provider.getInterceptors().add(new ProviderCalls());
        provider.setBufferingPredicate((uri, method) -> true);
        RestClientAuthorizationCodeTokenResponseClient tokens = new RestClientAuthorizationCodeTokenResponseClient();
        tokens.setRestClient(RestClient.create(provider));
        DefaultOAuth2UserService userInfo = new DefaultOAuth2UserService();
        userInfo.setRestOperations(provider);
        OidcUserService users = new OidcUserService();
        users.setOauth2UserService(userInfo);

        http.authorizeHttpRequests(requests -> requests
                        // "/" greets a signed-in user and sends anyone else to sign in (ClientAppController).
                        .requestMatchers("/", "/dance", "/refused", "/error").permitAll()
                        .anyRequest().authenticated())
                // Spring's request carries state, a nonce (the hash of a value kept in the session,
                // OpenID Connect Core §15.5.2) and a PKCE challenge (RFC 7636 §4.3; Spring 7's default).
                .oauth2Login(login -> login.loginPage("/")
                        // The tokens live in the visitor's session, and leave with it at logout.
                        .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                        .tokenEndpoint(token -> token.accessTokenResponseClient(tokens))
                        .userInfoEndpoint(endpoint -> endpoint.oidcUserService(users))
                        .successHandler((request, response, signedIn) -> {
                            // RFC 6749 §10.12: Spring found the request this browser started by its state.
                            Dance.in(request.getSession()).check(LegKind.AUTHORIZATION_RESPONSE,
                                    "state is the one this browser's sign-in sent", true);
                            response.sendRedirect("/");
                        })
                        // Spring keeps the exception in the session, for the page at /refused.
                        .failureUrl("/refused"))
                .logout(logout -> logout
                        // Before Spring drops the session: the dance goes on in the next one.
                        .addLogoutHandler((request, response, signedIn) -> request.setAttribute(Dance.SESSION_KEY,
                                Dance.in(request.getSession())))
                        .logoutSuccessHandler(new EndSession(registrations, postLogoutRedirectUri)));
        return http.build();
    }

    /** The legs through the browser: just in front of Spring Security's filters, which send and answer them. */
    @Bean
    FilterRegistrationBean<BrowserLegs> browserLegs(@Value("${client-app.issuer}") String issuer) {
        FilterRegistrationBean<BrowserLegs> registration = new FilterRegistrationBean<>(new BrowserLegs(
                issuer + "/oauth/authorize", "/login/oauth2/code/tutorial", LegKind.AUTHORIZATION_REQUEST,
                LegKind.AUTHORIZATION_RESPONSE, Secrets.MASKING).startingEachDance());
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    /**
     * RP-Initiated Logout 1.0 §2: Spring has dropped the session and the tokens; this sends the browser
     * to the provider's end_session_endpoint, with the id_token as id_token_hint, to log out there too.
     */
    static final class EndSession extends OidcClientInitiatedLogoutSuccessHandler {

        EndSession(ClientRegistrationRepository registrations, String postLogoutRedirectUri) {
            super(registrations);
            // From configuration, never from the request's Host header: registered exactly (§3).
            setPostLogoutRedirectUri(postLogoutRedirectUri);
        }

        @Override
        protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
                Authentication signedIn) {
            // Or "/" when the browser was not signed in (or the provider has no end_session_endpoint).
            String target = super.determineTargetUrl(request, response, signedIn);
            Dance dance = (Dance) request.getAttribute(Dance.SESSION_KEY);
            request.getSession().setAttribute(Dance.SESSION_KEY, dance);
            request.getSession().setAttribute(LOGGED_OUT, Boolean.TRUE);
            dance.add(new Leg(LegKind.LOGOUT_REQUEST, "POST /logout HTTP/1.1\nHost: " + request.getHeader("Host"),
                    Secrets.MASKING.inForm("HTTP/1.1 302\nLocation: " + target)));
            return target;
        }
    }
}
