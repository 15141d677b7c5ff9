package io.syncwatch.integrations;

import org.jspecify.annotations.Nullable;

/**
 * One condition a conversation must meet. For {@link FilterField#CUSTOM_FIELD} the field name
 * says which custom field is compared with the value; for tags, the conversation must carry
 * the tag; otherwise the field must equal the value (case-insensitive).
 */
public record FilterCondition(FilterField field, @Nullable String customFieldName, String value) {

    public String describe() {
        return switch (field) {
            case CUSTOM_FIELD -> "custom field '" + customFieldName + "' is '" + value + "'";
            case TAG -> "tagged '" + value + "'";
            default -> field.label().toLowerCase() + " is '" + value + "'";
        };
    }
}
