package io.syncwatch.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchRule;

import io.syncwatch.imports.application.port.out.SourcePlatformConnector;
import io.syncwatch.imports.connector.HttpSourceConnector;

/**
 * Source connectors are built on the connector kit: the HTTP client, the retries and the
 * classification of failures exist once, in {@code imports.connector}, not once per platform.
 */
final class ConnectorRules {

    private ConnectorRules() {
    }

    /**
     * @param sources the package of the connectors ({@code ..adapter.out.source})
     * @param exempt sub-packages of connectors that make no HTTP call (the Demo platform)
     */
    static List<ArchRule> forSources(String sources, String... exempt) {
        String all = sources + "..";
        return List.of(
                classes().that().resideInAPackage(all).and().implement(SourcePlatformConnector.class)
                        .and().doNotHaveModifier(JavaModifier.ABSTRACT)
                        .and().resideOutsideOfPackages(java.util.Arrays.stream(exempt).map(p -> sources + "." + p + "..")
                                .toArray(String[]::new))
                        .should().beAssignableTo(HttpSourceConnector.class)
                        .as("source connectors extend the connector kit's HttpSourceConnector").allowEmptyShould(true),
                noClasses().that().resideInAPackage(all)
                        .should().dependOnClassesThat().resideInAPackage("java.net.http..")
                        .orShould().dependOnClassesThat().areAssignableTo(ClientHttpRequestFactory.class)
                        .orShould().callMethod(RestClient.class, "builder")
                        .orShould().callMethod(RestClient.Builder.class, "build")
                        .as("source connectors build no HTTP client of their own (the kit's has the timeouts and no redirects)")
                        .allowEmptyShould(true),
                noClasses().that().resideInAPackage(all)
                        .should().callMethod(Thread.class, "sleep", long.class)
                        .orShould().callMethod(Thread.class, "sleep", java.time.Duration.class)
                        .as("source connectors write no retry loop of their own (the kit retries transient failures)")
                        .allowEmptyShould(true));
    }
}
