package com.example.oauth.common;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The OAuth and OpenID Connect engines, and the form parser they share, are plain Java:
 * they know nothing of servlets, JPA or Spring, nor of the parts of common
 * that do (the web adapters, the user entity). A step hands them its
 * requests through an adapter and implements their storage interface.
 */
class EngineBoundaryTest {

    private static final JavaClasses COMMON = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.example.oauth.common");

    private static final String[] OUTSIDE = {
        "jakarta.servlet..", "jakarta.persistence..", "org.springframework..",
        "com.example.oauth.common.web..", "com.example.oauth.common.user..", "com.example.oauth.common.config..",
    };

    @Test
    void theOAuth1EngineIsPlainJava() {
        noClasses().that().resideInAnyPackage("com.example.oauth.common.oauth1..", "com.example.oauth.common.form..")
                .should().dependOnClassesThat().resideInAnyPackage(OUTSIDE)
                .check(COMMON);
    }

    @Test
    void theOAuth2EngineIsPlainJava() {
        noClasses().that().resideInAnyPackage("com.example.oauth.common.oauth2..")
                .should().dependOnClassesThat().resideInAnyPackage(OUTSIDE)
                .check(COMMON);
    }

    @Test
    void theOpenIdConnectEngineIsPlainJava() {
        noClasses().that().resideInAnyPackage("com.example.oauth.common.oidc..")
                .should().dependOnClassesThat().resideInAnyPackage(OUTSIDE)
                .check(COMMON);
    }
}
