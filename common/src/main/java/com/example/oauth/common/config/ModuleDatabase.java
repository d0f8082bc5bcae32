package com.example.oauth.common.config;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.system.ApplicationHome;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Puts each step's H2 database in a file under that step's own folder,
 * {@code stepNN-.../data/}, whatever folder the jar is started from, so a
 * reader's users and clients survive a restart and each step keeps its own.
 * A {@code spring.datasource.url} given anywhere (tests, command line) wins.
 */
public class ModuleDatabase implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url") || application.getMainApplicationClass() == null) {
            return;
        }
        // target/classes (run from the IDE or Maven) or target/ (java -jar)
        Path home = new ApplicationHome(application.getMainApplicationClass()).getDir().toPath().toAbsolutePath();
        Path module = moduleOf(home);
        String name = environment.getProperty("spring.application.name", "provider");
        String url = "jdbc:h2:file:" + module.resolve("data").resolve(name);
        environment.getPropertySources().addLast(
                new MapPropertySource("moduleDatabase", Map.of("spring.datasource.url", url)));
    }

    /** The folder above {@code target/}, or the start folder when there is none. */
    static Path moduleOf(Path home) {
        for (Path p = home; p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals("target") && p.getParent() != null) {
                return p.getParent();
            }
        }
        return home;
    }
}
