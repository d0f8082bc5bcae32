package com.example.oauth.docs;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is: the folder above docs/, whatever folder the tests run from. */
final class Repository {

    private Repository() {
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath().normalize();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw")) && Files.isRegularFile(p.resolve("docs/pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("Run from inside the repository: no mvnw and docs/pom.xml above " + dir);
    }
}
