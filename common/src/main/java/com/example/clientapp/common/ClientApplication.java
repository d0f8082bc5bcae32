package com.example.clientapp.common;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Import;

import com.example.oauth.common.web.CommonErrors;
import com.example.oauth.common.web.SecurityHeaders;
import com.example.oauth.common.web.WebConfig;

/**
 * The companion client app of the article: a site that lets its visitors
 * sign in with the provider, then reads their username from /api/me. It
 * keeps no database: the tokens live in the visitor's session. Each client
 * app step writes its own in {@code com.example.clientapp} (its settings,
 * its controller, its pages); this class starts it, with the dance page of
 * this package.
 *
 * <p>It lives outside {@code com.example.oauth}, so that the provider's
 * component scan never picks it up; it borrows only the CSRF check, the
 * security headers and the error pages of {@code common}.
 */
@SpringBootApplication(scanBasePackages = "com.example.clientapp", exclude = {DataSourceAutoConfiguration.class,
        HibernateJpaAutoConfiguration.class, DataJpaRepositoriesAutoConfiguration.class})
@ConfigurationPropertiesScan("com.example.clientapp")
@Import({WebConfig.class, SecurityHeaders.class, CommonErrors.class})
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
