package io.syncwatch.agentrequests.adapter.in.web;

import org.jspecify.annotations.Nullable;

import io.syncwatch.agentrequests.domain.AgentRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a Connect request from JSON; anything that is not a JSON object of the documented shape is
 * malformed. One streaming pass over the bytes (no tree: this runs for every request), with the
 * meaning of reading the whole document first: a syntax error anywhere wins over a field of the
 * wrong type; of several fields of the wrong type the first in the order employee, customer,
 * employee.email, customer.name, customer.email, channel, brand, language, reference is
 * reported; a repeated field counts once, its last occurrence; unknown fields are ignored.
 */
final class RequestBodyParser {

    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private static final String NOT_JSON = "The body is not valid JSON.";

    /** The fields in the order their problems are reported. */
    private enum Field {
        EMPLOYEE("employee"), CUSTOMER("customer"), EMPLOYEE_EMAIL("employee.email"), CUSTOMER_NAME("customer.name"),
        CUSTOMER_EMAIL("customer.email"), CHANNEL("channel"), BRAND("brand"), LANGUAGE("language"), REFERENCE("reference");

        final String path;

        Field(String path) {
            this.path = path;
        }
    }

    private final JsonMapper json;

    RequestBodyParser(JsonMapper json) {
        this.json = json;
    }

    AgentRequest parse(byte[] body) throws Malformed {
        String[] values = new String[Field.values().length];
        String[] problems = new String[Field.values().length];
        try (JsonParser p = json.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                skipToEnd(p);
                throw new Malformed("The body must be a JSON object.");
            }
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                JsonToken value = p.nextToken();
                switch (name) {
                    case "employee" -> object(p, value, Field.EMPLOYEE, values, problems, "email", Field.EMPLOYEE_EMAIL, null, null);
                    case "customer" -> object(p, value, Field.CUSTOMER, values, problems, "email", Field.CUSTOMER_EMAIL, "name",
                            Field.CUSTOMER_NAME);
                    case "channel" -> text(p, value, Field.CHANNEL, values, problems);
                    case "brand" -> text(p, value, Field.BRAND, values, problems);
                    case "language" -> text(p, value, Field.LANGUAGE, values, problems);
                    case "reference" -> text(p, value, Field.REFERENCE, values, problems);
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new Malformed(NOT_JSON);
            }
        } catch (JacksonException e) {
            throw new Malformed(NOT_JSON);
        }
        for (Field f : Field.values()) {
            if (problems[f.ordinal()] != null) {
                throw new Malformed(problems[f.ordinal()]);
            }
        }
        return new AgentRequest(values[Field.EMPLOYEE_EMAIL.ordinal()], values[Field.CUSTOMER_NAME.ordinal()],
                values[Field.CUSTOMER_EMAIL.ordinal()], values[Field.CHANNEL.ordinal()], values[Field.BRAND.ordinal()],
                values[Field.LANGUAGE.ordinal()], values[Field.REFERENCE.ordinal()]);
    }

    /** A nested object (employee, customer): its occurrence replaces an earlier one, with its text fields. */
    private static void object(JsonParser p, JsonToken value, Field field, String[] values, String[] problems, String first,
            Field firstField, @Nullable String second, @Nullable Field secondField) {
        values[firstField.ordinal()] = null;
        problems[firstField.ordinal()] = null;
        if (secondField != null) {
            values[secondField.ordinal()] = null;
            problems[secondField.ordinal()] = null;
        }
        problems[field.ordinal()] = null;
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        if (value != JsonToken.START_OBJECT) {
            problems[field.ordinal()] = "The field " + field.path + " must be an object.";
            p.skipChildren();
            return;
        }
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            JsonToken inner = p.nextToken();
            if (name.equals(first)) {
                text(p, inner, firstField, values, problems);
            } else if (name.equals(second)) {
                text(p, inner, secondField, values, problems);
            } else {
                p.skipChildren();
            }
        }
    }

    private static void text(JsonParser p, JsonToken value, Field field, String[] values, String[] problems) {
        values[field.ordinal()] = null;
        problems[field.ordinal()] = null;
        if (value == JsonToken.VALUE_STRING) {
            values[field.ordinal()] = p.getString();
        } else if (value != JsonToken.VALUE_NULL) {
            problems[field.ordinal()] = "The field " + field.path + " must be a string.";
            p.skipChildren();
        }
    }

    /** Reads the rest of a document that is not an object, so a syntax error in it is reported as such. */
    private static void skipToEnd(JsonParser p) {
        p.skipChildren();
        while (p.nextToken() != null) {
            p.skipChildren();
        }
    }
}
