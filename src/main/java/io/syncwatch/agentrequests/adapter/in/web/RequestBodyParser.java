package io.syncwatch.agentrequests.adapter.in.web;

import org.jspecify.annotations.Nullable;

import io.syncwatch.agentrequests.domain.AgentRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a Connect request from JSON; anything that is not a JSON object of the documented shape is malformed. */
final class RequestBodyParser {

    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private final JsonMapper json;

    RequestBodyParser(JsonMapper json) {
        this.json = json;
    }

    AgentRequest parse(String body) throws Malformed {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new Malformed("The body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw new Malformed("The body must be a JSON object.");
        }
        JsonNode employee = object(root, "employee");
        JsonNode customer = object(root, "customer");
        return new AgentRequest(text(employee, "employee.email", "email"), text(customer, "customer.name", "name"),
                text(customer, "customer.email", "email"), text(root, "channel", "channel"), text(root, "brand", "brand"),
                text(root, "language", "language"), text(root, "reference", "reference"));
    }

    private static @Nullable JsonNode object(JsonNode root, String name) throws Malformed {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new Malformed("The field " + name + " must be an object.");
        }
        return node;
    }

    private static @Nullable String text(@Nullable JsonNode parent, String path, String name) throws Malformed {
        if (parent == null) {
            return null;
        }
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new Malformed("The field " + path + " must be a string.");
        }
        return node.stringValue();
    }
}
