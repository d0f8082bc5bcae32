package com.example.clientapp;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The legs that go through the browser, as they went: the redirect the
 * client app sends to the provider's authorization endpoint, and the answer
 * the provider sends back through the browser to the redirect URI, with
 * what the client app answered it.
 */
@Component
public class BrowserLegs implements HandlerInterceptor, WebMvcConfigurer {

    private final ClientAppProperties properties;

    public BrowserLegs(ClientAppProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/", "/authorized");
    }

    /** The answer arrives: recorded before the client app reads it, as it came (the raw query). */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getRequestURI().equals("/authorized")) {
            String query = request.getQueryString();
            Dance.in(request.getSession()).add(new Leg(LegKind.AUTHORIZATION_RESPONSE, request.getMethod() + " "
                    + request.getRequestURI() + (query == null ? "" : "?" + Secrets.inForm(query)) + " HTTP/1.1\nHost: "
                    + request.getHeader("Host"), null));
        }
        return true;
    }

    /** What the client app answered: its redirect to the provider, or its answer to the callback. */
    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        String location = response.getHeader("Location");
        String answer = "HTTP/1.1 " + response.getStatus() + (location == null ? "" : "\nLocation: " + location);
        if (request.getRequestURI().equals("/authorized")) {
            Dance dance = Dance.in(session);
            dance.answer(LegKind.AUTHORIZATION_RESPONSE, answer);
            if (response.getStatus() >= 400) {
                dance.fail(LegKind.AUTHORIZATION_RESPONSE, "The client app refused this answer: status "
                        + response.getStatus() + ".");
            }
        } else if (location != null && location.startsWith(properties.providerUrl() + "/oauth/authorize")) {
            Dance.in(session).add(new Leg(LegKind.AUTHORIZATION_REQUEST, Secrets.inForm(answer), null));
        }
    }
}
