package io.syncwatch.integrations;

/**
 * Every way the integrations module refuses a request, as one closed family: a screen or an API
 * adapter catches this type (or one of its members) as the user's error, and anything else that
 * escapes is unexpected (the console's error handler reports it with a reference). The message is
 * written for the user.
 */
public abstract sealed class IntegrationRefusal extends RuntimeException
        permits InvalidIntegrationInput, IntegrationNotFound, IntegrationIsDeleted, ResumeRefused {

    protected IntegrationRefusal(String message) {
        super(message);
    }
}
