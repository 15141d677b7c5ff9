package io.syncwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure holds, and its documentation under architecture/ is regenerated. */
class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(SyncwatchApplication.class);

    @Test
    void modulesOnlyDependOnEachOthersPublishedApiAndHaveNoCycles() {
        modules.verify();
    }

    @Test
    void theFourApplicationModulesAndTheKernelExist() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .containsExactlyInAnyOrder("platform", "integrations", "imports", "health", "agentrequests");
    }

    @Test
    void writesModuleDocumentationToTheArchitectureFolder() throws Exception {
        Path folder = Path.of("architecture", "modules");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeDocumentation()
                .writeModuleCanvases();
        assertThat(Files.list(folder).map(p -> p.getFileName().toString()))
                .contains("components.puml", "module-integrations.puml", "module-imports.adoc");
    }
}
