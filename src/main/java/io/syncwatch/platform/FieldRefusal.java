package io.syncwatch.platform;

import java.util.Map;

/**
 * A refusal of what the user typed that names the form field each message concerns. Every
 * module's "invalid input" refusal (decision 0019) implements it, so the shell's
 * {@code Forms.showRefusal} puts any module's refusal on its fields in one way, and a REST adapter
 * reports the same field → message map. A field is named as the form record's component (and the
 * REST API) names it: {@code name}, {@code email}, {@code credentials.token},
 * {@code conditions[0].value}.
 */
public interface FieldRefusal {

    /** Each field the refusal concerns → its message, written for the user. */
    Map<String, String> problems();

    /** A refusal that concerns one field, whose message is the exception's own. */
    interface OneField extends FieldRefusal {

        /** The field, as the form names it. */
        String field();

        /** The message for the user (the exception's). */
        String getMessage();

        @Override
        default Map<String, String> problems() {
            return Map.of(field(), getMessage());
        }
    }
}
