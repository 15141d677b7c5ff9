package io.syncwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

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
    void theApplicationModulesAndTheKernelExist() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .containsExactlyInAnyOrder("platform", "integrations", "imports", "health", "alerts", "agentrequests");
    }

    /**
     * The connector kit is what an imports source adapter extends: published as {@code imports::connector},
     * with the base class and the settings, and nothing of the module's internals.
     */
    @Test
    void theConnectorKitIsTheNamedInterfaceImportsConnector() {
        var kit = modules.getModuleByName("imports").orElseThrow().getNamedInterfaces().getByName("connector");
        assertThat(kit).hasValueSatisfying(named -> {
            assertThat(named.contains(io.syncwatch.imports.connector.HttpSourceConnector.class)).isTrue();
            assertThat(named.contains(io.syncwatch.imports.connector.HttpSourceSettings.class)).isTrue();
            assertThat(named.asJavaClasses().map(c -> c.getPackageName()))
                    .containsOnly("io.syncwatch.imports.connector");
        });
    }

    /**
     * The Documenter lists events and relations in no fixed order, so it writes to target/ and a
     * file under architecture/modules is replaced only when its content changed, not just its line
     * order (otherwise every run rewrote them and every branch conflicted on them).
     */
    @Test
    void writesModuleDocumentationToTheArchitectureFolder() throws Exception {
        Path generated = Path.of("target", "module-docs");
        Path folder = Path.of("architecture", "modules");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeDocumentation()
                .writeModuleCanvases();
        Files.createDirectories(folder);
        Set<String> written = new HashSet<>();
        try (Stream<Path> files = Files.list(generated)) {
            for (Path file : files.toList()) {
                Path target = folder.resolve(file.getFileName());
                written.add(file.getFileName().toString());
                if (!Files.exists(target) || !sortedLines(target).equals(sortedLines(file))) {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path stale : files.filter(f -> !written.contains(f.getFileName().toString())).toList()) {
                Files.delete(stale);
            }
        }
        assertThat(Files.list(folder).map(p -> p.getFileName().toString()))
                .contains("components.puml", "module-integrations.puml", "module-imports.adoc");
    }

    /** The lines in order, with the table-cell mark of a list's first item ("|* …") dropped. */
    private static List<String> sortedLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(l -> l.startsWith("|* ") ? l.substring(1) : l).sorted().toList();
    }
}
