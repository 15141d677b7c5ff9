package io.syncwatch.imports.adapter.out.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import io.syncwatch.platform.JsonColumns;

/**
 * How a contact's tags are stored in {@code import_contact.tags} (issue 19, decision 0023): one
 * JSON array of the tags, sorted, through the platform's {@link JsonColumns}, e.g.
 * {@code ["refund","vip, gold"]}; {@code NULL} when there are none. A tag is kept exactly, commas
 * included (the old comma-joined text read a tag {@code "vip, gold"} back as two tags).
 * <p>
 * The column holds {@value #MAX_CHARS} characters: only whole tags are stored, in sorted order, as
 * many as fit (the old format cut the text, and so a tag, at the limit).
 */
final class TagsJson {

    static final int MAX_CHARS = 1000;

    private TagsJson() {
    }

    static @Nullable String write(Set<String> tags) {
        if (tags.isEmpty()) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        String json = null;
        for (String tag : new TreeSet<>(tags)) {
            kept.add(tag);
            String candidate = JsonColumns.write(kept);
            if (candidate.length() > MAX_CHARS) {
                kept.removeLast();
                break;
            }
            json = candidate;
        }
        return json;
    }

    /** The tags; none for {@code NULL} or an empty text. */
    static Set<String> read(@Nullable String json) {
        return json == null || json.isBlank() ? Set.of() : Set.copyOf(java.util.Arrays.asList(JsonColumns.read(json, String[].class)));
    }
}
