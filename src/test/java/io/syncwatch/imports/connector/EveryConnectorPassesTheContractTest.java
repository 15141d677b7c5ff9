package io.syncwatch.imports.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Every connector built on the kit has, in its own package, a test extending
 * {@link ConnectorContractTest}: a new connector cannot skip the contract.
 */
class EveryConnectorPassesTheContractTest {

    static final String SOURCES = "io.syncwatch.imports.adapter.out.source";

    @Test
    void everyHttpConnectorHasAContractTestInItsPackage() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(SOURCES);
        List<JavaClass> connectors = concrete(classes, HttpSourceConnector.class);
        List<JavaClass> contracts = concrete(classes, ConnectorContractTest.class);

        assertThat(connectors).extracting(JavaClass::getSimpleName).contains("ZendeskConnector", "IntercomConnector");
        assertThat(connectors).allSatisfy(connector -> assertThat(contracts)
                .as("a test extending ConnectorContractTest beside %s", connector.getName())
                .anyMatch(contract -> contract.getPackageName().equals(connector.getPackageName())));
    }

    private static List<JavaClass> concrete(JavaClasses classes, Class<?> type) {
        return classes.stream().filter(c -> c.isAssignableTo(type) && !c.getModifiers().contains(JavaModifier.ABSTRACT))
                .toList();
    }
}
