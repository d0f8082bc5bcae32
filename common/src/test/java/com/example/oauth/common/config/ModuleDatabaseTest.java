package com.example.oauth.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ModuleDatabaseTest {

    @Test
    void theModuleIsTheFolderAboveTarget() {
        assertThat(ModuleDatabase.moduleOf(Path.of("/repo/step01-user-system/target")))
                .isEqualTo(Path.of("/repo/step01-user-system"));
        assertThat(ModuleDatabase.moduleOf(Path.of("/repo/step01-user-system/target/classes")))
                .isEqualTo(Path.of("/repo/step01-user-system"));
    }

    @Test
    void withoutTargetTheStartFolderIsUsed() {
        assertThat(ModuleDatabase.moduleOf(Path.of("/opt/app"))).isEqualTo(Path.of("/opt/app"));
    }
}
