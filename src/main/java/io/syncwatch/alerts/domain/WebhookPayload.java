package io.syncwatch.alerts.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.syncwatch.health.DetailedState;

/** Builds the JSON body of a webhook event (stable field order, no secrets). */
public final class WebhookPayload {

    private final Map<String, @Nullable Object> fields = new LinkedHashMap<>();

    private WebhookPayload(String eventId, WebhookEventType type, Instant occurredAt, long accountId) {
        fields.put("id", eventId);
        fields.put("type", type.wireName());
        fields.put("occurredAt", occurredAt.toString());
        fields.put("account", accountId);
    }

    public static WebhookPayload of(String eventId, WebhookEventType type, Instant occurredAt, long accountId) {
        return new WebhookPayload(eventId, type, occurredAt, accountId);
    }

    public WebhookPayload integration(long id, @Nullable String name, @Nullable String platform) {
        Map<String, @Nullable Object> integration = new LinkedHashMap<>();
        integration.put("id", id);
        integration.put("name", name);
        integration.put("platform", platform);
        fields.put("integration", integration);
        return this;
    }

    public WebhookPayload states(@Nullable DetailedState previous, @Nullable DetailedState current) {
        fields.put("previousState", state(previous));
        fields.put("newState", state(current));
        return this;
    }

    public WebhookPayload put(String name, @Nullable Object value) {
        fields.put(name, value);
        return this;
    }

    private static @Nullable Map<String, Object> state(@Nullable DetailedState state) {
        if (state == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("detailed", state.label());
        m.put("summary", state.summary().label());
        return m;
    }

    public String toJson() {
        StringBuilder sb = new StringBuilder();
        write(sb, fields);
        return sb.toString();
    }

    private static void write(StringBuilder sb, @Nullable Object value) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Number || value instanceof Boolean) {
            sb.append(value);
        } else if (value instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (var e : map.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                quote(sb, String.valueOf(e.getKey()));
                sb.append(':');
                write(sb, e.getValue());
            }
            sb.append('}');
        } else if (value instanceof Iterable<?> list) {
            sb.append('[');
            boolean first = true;
            for (Object o : list) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                write(sb, o);
            }
            sb.append(']');
        } else {
            quote(sb, value.toString());
        }
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
