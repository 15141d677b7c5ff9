package io.syncwatch.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jmolecules.archunit.JMoleculesArchitectureRules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.annotation.Schedules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/** Fails the build when a class breaks the hexagon of its module. */
class ArchitectureTests {

    static final List<String> MODULES = List.of("platform", "integrations", "imports", "health", "alerts", "agentrequests");

    /** Each module's Flyway folder sits under these (db/migration/<module>, db/vendor/<vendor>/<module>). */
    static final String[] MIGRATIONS = { "classpath*:db/migration", "classpath*:db/vendor/*" };

    static final JavaClasses production = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.syncwatch");

    @TestFactory
    List<DynamicTest> productionCodeFollowsTheHexagonInEveryModule() {
        return HexagonRules.forModules("io.syncwatch", MODULES).stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(production)))
                .toList();
    }

    @TestFactory
    List<DynamicTest> noModuleReadsAnotherModulesTables() {
        assertThat(TableRules.owners(MODULES, MIGRATIONS)).containsEntry("integration", "integrations")
                .containsEntry("import_run", "imports").containsEntry("account", "platform")
                .containsEntry("ac_request_log", "agentrequests");
        return TableRules.forModules("io.syncwatch", MODULES, MIGRATIONS).stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(production)))
                .toList();
    }

    @Test
    void aModuleReadingAnotherModulesTableIsRejected() {
        JavaClasses fixture = new ClassFileImporter().importPackages("io.syncwatch.architecture.fixture");
        List<String> violated = TableRules.forModules("io.syncwatch.architecture.fixture", List.of("shop", "billing"),
                "classpath*:architecture-fixture/migration").stream()
                .filter(rule -> {
                    try {
                        rule.check(fixture);
                        return false;
                    } catch (AssertionError expected) {
                        assertThat(expected).hasMessageContaining("names table 'shop_order' of module 'shop'");
                        return true;
                    }
                }).map(ArchRule::getDescription).toList();

        assertThat(violated).containsExactly("'billing' reads and writes only the tables its own migrations create");
    }

    @Test
    void portsAndAdaptersFollowJMoleculesHexagonalRules() {
        JMoleculesArchitectureRules.ensureHexagonal().check(production);
    }

    /** Issue 15.2: every periodic or claimed job runs on the kernel's one scheduler (db-scheduler), none on Spring's. */
    @Test
    void periodicJobsRunOnTheKernelSchedulerNotOnSpringScheduling() {
        noMethods().should().beAnnotatedWith(Scheduled.class).orShould().beAnnotatedWith(Schedules.class)
                .because("a @Scheduled method runs on every instance; declare a db-scheduler task bean "
                        + "(platform::scheduling, RecurringJobs) so that it runs once per slot across instances")
                .check(production);
        noClasses().should().beAnnotatedWith(EnableScheduling.class)
                .because("Spring's scheduling would run @Scheduled methods on every instance").check(production);
        noClasses().that().resideOutsideOfPackage("io.syncwatch.platform.scheduling..")
                .should().dependOnClassesThat().areAssignableTo(com.github.kagkarlsson.scheduler.SchedulerBuilder.class)
                .because("the kernel builds the one scheduler; modules register task beans").check(production);
    }

    @Test
    void sourceConnectorsAreBuiltOnTheConnectorKit() {
        ConnectorRules.forSources("io.syncwatch.imports.adapter.out.source", "demo").forEach(rule -> rule.check(production));
    }

    @Test
    void aConnectorWithItsOwnHttpClientAndRetryLoopIsRejected() {
        JavaClasses rogue = new ClassFileImporter().importPackages("io.syncwatch.architecture.fixture.shop.adapter.out.source");
        List<String> violated = ConnectorRules.forSources("io.syncwatch.architecture.fixture.shop.adapter.out.source").stream()
                .filter(rule -> {
                    try {
                        rule.check(rogue);
                        return false;
                    } catch (AssertionError expected) {
                        return true;
                    }
                }).map(ArchRule::getDescription).toList();

        assertThat(violated).containsExactlyInAnyOrder("source connectors extend the connector kit's HttpSourceConnector",
                "source connectors build no HTTP client of their own (the kit's has the timeouts and no redirects)",
                "source connectors write no retry loop of their own (the kit retries transient failures)");
    }

    @Test
    void aDomainClassUsingSpringIsRejected() {
        JavaClasses fixture = new ClassFileImporter().importPackages("io.syncwatch.architecture.fixture");
        List<ArchRule> rules = HexagonRules.forModules("io.syncwatch.architecture.fixture", List.of("shop", "billing"));

        List<String> violated = rules.stream().filter(rule -> {
            try {
                rule.check(fixture);
                return false;
            } catch (AssertionError expected) {
                return true;
            }
        }).map(ArchRule::getDescription).toList();

        assertThat(violated).containsExactlyInAnyOrder(
                "the domain of 'shop' depends only on the JDK, jMolecules, itself and published module APIs",
                "the application layer of 'shop' uses no JDBC, Vaadin or HTTP client types",
                "the outbound adapters of 'shop' are not public (they are reached through ports)",
                "the outbound adapters of 'billing' are not public (they are reached through ports)",
                "the published API (root package) of 'shop' depends on no Vaadin or JDBC type",
                "the inbound adapters (UI, web) of 'shop' go through the application's inbound ports",
                "'billing' never reaches into the internals of 'shop'");
    }

    @Test
    void theSameRulesPassOnTheCleanPartOfTheFixture() {
        JavaClasses clean = new ClassFileImporter().importPackages("io.syncwatch.architecture.fixture.billing.domain");
        HexagonRules.forModules("io.syncwatch.architecture.fixture", List.of("shop", "billing"))
                .forEach(rule -> rule.check(clean));
        assertThat(clean.size()).isPositive();
    }
}
