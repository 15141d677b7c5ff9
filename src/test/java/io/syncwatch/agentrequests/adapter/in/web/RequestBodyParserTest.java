package io.syncwatch.agentrequests.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.syncwatch.agentrequests.domain.AgentRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The streaming body parser says what reading the whole document as a tree says, for valid
 * bodies and for every kind of malformed one (the tree reading, the parser's first version, is
 * kept below as the reference).
 */
class RequestBodyParserTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    final RequestBodyParser parser = new RequestBodyParser(JSON);

    static List<String> bodies() {
        return List.of(
                """
                {"employee": {"email": "ann@acme.test"}, "customer": {"name": "Carla", "email": "c@x.io"},
                 "channel": "email", "brand": "Acme", "language": "en", "reference": "r-1"}""",
                "{\"employee\": {\"email\": \"ann@acme.test\"}, \"channel\": \"sms\"}",
                "{}",
                "{\"employee\": null, \"customer\": null, \"channel\": null}",
                "{\"employee\": {\"email\": null, \"extra\": {\"deep\": [1, {\"x\": 2}]}}, \"unknown\": [1, 2, {\"a\": \"b\"}]}",
                "{\"employee\": {\"email\": \"x\"}, \"employee\": {\"name\": \"only a name\"}}",
                "{\"channel\": 5, \"channel\": \"email\"}",
                "{\"channel\": \"email\", \"channel\": 5}",
                "{\"channel\": 7}",
                "{\"brand\": true}",
                "{\"reference\": {\"a\": 1}}",
                "{\"language\": [\"en\"]}",
                "{\"employee\": \"ann@acme.test\"}",
                "{\"customer\": [1]}",
                "{\"employee\": {\"email\": 5}, \"customer\": 3}",
                "{\"channel\": 5, \"employee\": 3}",
                "{\"customer\": {\"name\": 1, \"email\": 2}}",
                "{\"customer\": {\"email\": 2, \"name\": 1}}",
                "{\"employee\": {\"email\": {\"nested\": true}}}",
                "{\"employee\": ",
                "{\"channel\": 5, ",
                "{\"channel\": \"email\"} trailing",
                "{\"channel\": \"email\"} {\"brand\": \"x\"}",
                "[1,2]",
                "\"just a string\"",
                "42",
                "null",
                "",
                "   ",
                "hello",
                "{\"channel\": \"em\\u00e4il\", \"reference\": \"line\\nbreak \\\"quoted\\\"\"}",
                "{\"reference\": \"" + "ü".repeat(300) + "\"}",
                "{\"channel\": \"email\",}",
                "{'channel': 'email'}");
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void saysWhatTheTreeReadingSays(String body) {
        Object expected = treeReading(body);
        Object actual;
        try {
            actual = parser.parse(body.getBytes(StandardCharsets.UTF_8));
        } catch (RequestBodyParser.Malformed e) {
            actual = "malformed: " + e.getMessage();
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void readsEveryField() throws Exception {
        AgentRequest r = parser.parse(bodies().getFirst().getBytes(StandardCharsets.UTF_8));
        assertThat(r).isEqualTo(new AgentRequest("ann@acme.test", "Carla", "c@x.io", "email", "Acme", "en", "r-1"));
    }

    @Test
    void namesTheFieldOfTheWrongType() {
        assertThatThrownBy(() -> parser.parse("{\"channel\": 7}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("The field channel must be a string.");
        assertThatThrownBy(() -> parser.parse("{\"employee\": {\"email\": 5}}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("The field employee.email must be a string.");
        assertThatThrownBy(() -> parser.parse("{\"channel\": 5, ".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("The body is not valid JSON.");
        assertThatThrownBy(() -> parser.parse("[1]".getBytes(StandardCharsets.UTF_8))).hasMessage("The body must be a JSON object.");
    }

    /** The first version of the parser: the whole document as a tree, then the fields in a fixed order. */
    private static Object treeReading(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            return "malformed: The body is not valid JSON.";
        }
        try {
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("The body must be a JSON object.");
            }
            JsonNode employee = object(root, "employee");
            JsonNode customer = object(root, "customer");
            return new AgentRequest(text(employee, "employee.email", "email"), text(customer, "customer.name", "name"),
                    text(customer, "customer.email", "email"), text(root, "channel", "channel"), text(root, "brand", "brand"),
                    text(root, "language", "language"), text(root, "reference", "reference"));
        } catch (IllegalArgumentException e) {
            return "malformed: " + e.getMessage();
        }
    }

    private static @Nullable JsonNode object(JsonNode root, String name) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("The field " + name + " must be an object.");
        }
        return node;
    }

    private static @Nullable String text(@Nullable JsonNode parent, String path, String name) {
        if (parent == null) {
            return null;
        }
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new IllegalArgumentException("The field " + path + " must be a string.");
        }
        return node.stringValue();
    }
}
