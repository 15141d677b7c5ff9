package io.syncwatch.imports.adapter.out.persistence;

import java.io.Serial;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import io.syncwatch.platform.JsonColumns;

/**
 * How a contact's custom fields are stored in {@code import_contact.custom_fields} (issue 19,
 * decision 0023): one JSON object of field name to value, names sorted, through the platform's
 * {@link JsonColumns}, e.g. {@code {"360001":"Premium","Plan (tier)":"Gold\nannual"}}; {@code NULL}
 * when there are none. Names and values are kept exactly (the old {@code name=value} lines lost a
 * value's newlines and split a name at its first {@code =}).
 */
final class CustomFieldsJson {

    /** The stored document: a JSON object (its shape is the stored format: keep it). */
    static final class StoredCustomFields extends TreeMap<String, String> {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    private CustomFieldsJson() {
    }

    static @Nullable String write(Map<String, String> fields) {
        return fields.isEmpty() ? null : JsonColumns.write(new TreeMap<>(fields));
    }

    /** The fields in name order; none for {@code NULL} (or the empty text rows had before V16). */
    static Map<String, String> read(@Nullable String json) {
        return json == null || json.isBlank() ? Map.of()
                : Collections.unmodifiableMap(JsonColumns.read(json, StoredCustomFields.class));
    }
}
