package io.syncwatch.integrations;

import java.util.Map;

import io.syncwatch.platform.FieldRefusal;

/**
 * Input that breaks a rule; {@code problems} maps each offending field (as the form and the API
 * name it: {@code name}, {@code credentials.token}, {@code conditions[0].value}) to its message.
 */
public final class InvalidIntegrationInput extends IntegrationRefusal implements FieldRefusal {

    private final Map<String, String> problems;

    public InvalidIntegrationInput(Map<String, String> problems) {
        super(String.join("; ", problems.values()));
        this.problems = Map.copyOf(problems);
    }

    public static InvalidIntegrationInput of(String field, String message) {
        return new InvalidIntegrationInput(Map.of(field, message));
    }

    @Override
    public Map<String, String> problems() {
        return problems;
    }
}
