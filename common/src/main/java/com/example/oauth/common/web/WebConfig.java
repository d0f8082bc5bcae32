package com.example.oauth.common.web;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
public class WebConfig implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new CsrfInterceptor());
        registry.addInterceptor(new ErrorPathInterceptor()).addPathPatterns("/error");
    }

    /**
     * Every redirect keeps its Location relative ({@code /?next=/client}), as
     * RFC 9110 §10.2.2 allows. Otherwise Tomcat's sendRedirect, behind each
     * {@code "redirect:"} view, makes it absolute from the request's Host
     * header, which the client chooses: {@code Host: evil.example} would send
     * the browser to evil.example. Spring Boot's own customizer (order 0)
     * asks Tomcat for absolute ones; this one, without an order, runs after it.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> relativeRedirects() {
        return factory -> factory.addContextCustomizers(context -> context.setUseRelativeRedirects(true));
    }
}
