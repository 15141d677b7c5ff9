package io.syncwatch.integrations.application.port.in;

import java.util.Map;

/** Input that breaks a rule; {@code problems} maps each offending field to its message. */
public class InvalidIntegrationInput extends RuntimeException {

    private final Map<String, String> problems;

    public InvalidIntegrationInput(Map<String, String> problems) {
        super(String.join("; ", problems.values()));
        this.problems = Map.copyOf(problems);
    }

    public static InvalidIntegrationInput of(String field, String message) {
        return new InvalidIntegrationInput(Map.of(field, message));
    }

    public Map<String, String> problems() {
        return problems;
    }
}
