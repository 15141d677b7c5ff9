package io.syncwatch.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/**
 * The hexagon inside every module, as ArchUnit rules built for a root package, so that the
 * same rules check the production code and the deliberately broken fixture.
 */
final class HexagonRules {

    /** JDBC (the JDK's and Spring's) and Vaadin: what a module's published API never exposes. */
    static final String[] VAADIN_AND_JDBC = { "com.vaadin..", "java.sql..", "javax.sql..", "org.springframework.jdbc.." };

    /** What the application layer leaves to its adapters: JDBC, Vaadin and HTTP clients. */
    static final String[] JDBC_VAADIN_AND_HTTP_CLIENTS = { "com.vaadin..", "java.sql..", "javax.sql..",
            "org.springframework.jdbc..", "org.springframework.web.client..", "org.springframework.http.client..",
            "java.net.http..", "org.apache.hc.." };

    private HexagonRules() {
    }

    static List<ArchRule> forModules(String root, List<String> modules) {
        List<ArchRule> rules = new ArrayList<>();
        String[] publishedApis = modules.stream().map(m -> root + "." + m).toArray(String[]::new);
        for (String module : modules) {
            String base = root + "." + module;
            List<String> allowedForDomain = new ArrayList<>(List.of("java..", "org.jspecify..", "org.jmolecules..",
                    base + ".domain.."));
            allowedForDomain.addAll(List.of(publishedApis));
            rules.add(classes().that().resideInAPackage(base + ".domain..")
                    .should().onlyDependOnClassesThat().resideInAnyPackage(allowedForDomain.toArray(String[]::new))
                    .as("the domain of '" + module + "' depends only on the JDK, jMolecules, itself and published module APIs")
                    .allowEmptyShould(true));
            rules.add(noClasses().that().resideInAPackage(base + ".application..")
                    .should().dependOnClassesThat().resideInAPackage(base + ".adapter..")
                    .as("the application layer of '" + module + "' does not depend on its adapters")
                    .allowEmptyShould(true));
            rules.add(noClasses().that().resideInAPackage(base + ".adapter.in..")
                    .should().dependOnClassesThat().resideInAnyPackage(base + ".application.port.out..", base + ".adapter.out..")
                    .as("the inbound adapters (UI, web) of '" + module + "' go through the application's inbound ports")
                    .allowEmptyShould(true));
            rules.add(noClasses().that().resideInAPackage(base + ".application..")
                    .should().dependOnClassesThat().resideInAnyPackage(JDBC_VAADIN_AND_HTTP_CLIENTS)
                    .as("the application layer of '" + module + "' uses no JDBC, Vaadin or HTTP client types")
                    .allowEmptyShould(true));
            rules.add(classes().that().resideInAPackage(base + ".adapter.out..").and().areTopLevelClasses()
                    .and().doNotHaveSimpleName("package-info")
                    .should().notBePublic()
                    .as("the outbound adapters of '" + module + "' are not public (they are reached through ports)")
                    .allowEmptyShould(true));
            rules.add(noClasses().that().resideInAPackage(base)
                    .should().dependOnClassesThat().resideInAnyPackage(VAADIN_AND_JDBC)
                    .as("the published API (root package) of '" + module + "' depends on no Vaadin or JDBC type")
                    .allowEmptyShould(true));
            rules.add(noClasses().that().resideInAPackage(base + ".adapter.out..")
                    .should().dependOnClassesThat().resideInAPackage(base + ".adapter.in..")
                    .as("the outbound adapters of '" + module + "' do not depend on its inbound adapters")
                    .allowEmptyShould(true));
            for (String other : modules) {
                if (!other.equals(module)) {
                    String otherBase = root + "." + other;
                    rules.add(noClasses().that().resideInAPackage(base + "..")
                            .should().dependOnClassesThat().resideInAnyPackage(otherBase + ".domain..",
                                    otherBase + ".application..", otherBase + ".adapter..")
                            .as("'" + module + "' never reaches into the internals of '" + other + "'")
                            .allowEmptyShould(true));
                }
            }
        }
        rules.add(classes().that().resideInAPackage(root + "..adapter.out.persistence..")
                .and().areAnnotatedWith(org.springframework.data.relational.core.mapping.Table.class)
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .as("persistence rows are not public").allowEmptyShould(true));
        rules.add(classes().that().resideInAPackage(root + "..adapter.out.persistence..")
                .and().areAssignableTo(org.springframework.data.repository.Repository.class)
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .as("Spring Data repositories are not public").allowEmptyShould(true));
        rules.add(noClasses().that().resideInAPackage(root + "..")
                .should().haveSimpleNameEndingWith("Impl").orShould().haveSimpleNameEndingWith("Helper")
                .orShould().haveSimpleNameEndingWith("Util").orShould().haveSimpleNameEndingWith("Manager")
                .as("no *Impl, *Helper, *Util or *Manager classes: names explain the domain").allowEmptyShould(true));
        rules.add(SlicesRuleDefinition.slices().matching(root + ".(**)").should().beFreeOfCycles()
                .as("no package cycles").allowEmptyShould(true));
        return rules;
    }
}
