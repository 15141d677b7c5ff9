package io.syncwatch.imports.domain;

import org.jspecify.annotations.Nullable;

/**
 * One record of a page fetched from a source: either a usable conversation or a malformed
 * record (missing reference, unparseable timestamp...) that the pipeline skips with a warning
 * naming it, so that one bad record never stops a run.
 */
public sealed interface SourceRecord {

    record Valid(SourceConversation conversation) implements SourceRecord {
    }

    /** {@code reference} is whatever identifies the record at the source, if anything does. */
    record Malformed(@Nullable String reference, String problem) implements SourceRecord {

        public String describe() {
            return (reference == null ? "A record without a reference" : "Record '" + reference + "'") + " was skipped: "
                    + problem;
        }
    }

    static SourceRecord valid(SourceConversation conversation) {
        return new Valid(conversation);
    }

    static SourceRecord malformed(@Nullable String reference, String problem) {
        return new Malformed(reference, problem);
    }
}
