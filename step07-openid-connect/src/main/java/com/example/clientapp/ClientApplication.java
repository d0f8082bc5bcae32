package com.example.clientapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Import;

import com.example.oauth.common.web.CommonErrors;

/**
 * The companion client app of step07: a site that lets its visitors sign in
 * with the provider through OpenID Connect, built on Spring Security's
 * OAuth2 Login, the relying party a Java reader really uses. It keeps no
 * database: the tokens live in the visitor's session.
 *
 * <p>It lives outside {@code com.example.oauth}, so that the provider's
 * component scan never picks it up. Spring Security is on here only: this
 * context auto-configures it, the provider's excludes it. It borrows the
 * error pages of {@code common}, not its CSRF check: Spring Security's own
 * guards this app's one form, the logout.
 */
@SpringBootApplication(exclude = {DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
        DataJpaRepositoriesAutoConfiguration.class})
@EnableConfigurationProperties(ClientAppProperties.class)
@Import(CommonErrors.class)
public class ClientApplication {

    /** Starts the client app alone, configured by client-app.properties. */
    public static void main(String[] args) {
        builder().run(args);
    }

    /** Its own configuration file, so that it never reads the provider's application.properties. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ClientApplication.class).properties("spring.config.name=client-app");
    }
}
