package io.syncwatch.platform;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one codec of structured database columns: a value (a record of strings, numbers, lists,
 * nulls) as a JSON document, written and read by one Jackson 3 mapper. Every module stores its
 * structured columns through it (each names its own document records), so a value survives any
 * character it holds — tabs, newlines, quotes, any unicode — and an empty list stays an empty list.
 * A document that cannot be read is an error naming the type, never a silently emptied value.
 */
public final class JsonColumns {

    /** Thread-safe and immutable; unknown properties are ignored so a newer writer's documents stay readable. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private JsonColumns() {
    }

    /** The value as a JSON document. */
    public static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** The document read as {@code type}; throws {@link IllegalStateException} naming the type if it is not one. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JacksonException e) {
            throw new IllegalStateException("A stored " + type.getSimpleName() + " is not readable JSON: " + e.getOriginalMessage(), e);
        }
    }
}
