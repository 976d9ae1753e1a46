package io.musicstream.projections.common;

import java.nio.charset.StandardCharsets;

/**
 * What a projection checks in its event handler before it buffers a write for the batch's commit: a value the
 * database or the index would refuse there fails the whole batch, out of reach of the dead-letter queue,
 * while a failure in the handler dead-letters just that event.
 */
public final class Storable {

    private Storable() {
    }

    /** An event a read model cannot store; dead-lettered, since retrying cannot cure it. */
    public static class UnstorableEventException extends IllegalArgumentException {
        public UnstorableEventException(String message) {
            super(message);
        }
    }

    /**
     * Text PostgreSQL and Elasticsearch both take: no NUL, no unpaired surrogate, at most {@code maxBytes} in
     * UTF-8 (keys share an index row of about 2.7 KB).
     */
    public static String text(String field, String value, int maxBytes) {
        if (value == null) {
            throw new UnstorableEventException(field + " is missing");
        }
        return optionalText(field, value, maxBytes);
    }

    /** As {@link #text}, but null passes. */
    public static String optionalText(String field, String value, int maxBytes) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                throw new UnstorableEventException(field + " holds a NUL character at " + i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new UnstorableEventException(field + " holds an unpaired surrogate at " + i);
            }
        }
        if (value.length() > maxBytes / 3 && value.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw new UnstorableEventException(field + " is longer than " + maxBytes + " bytes");
        }
        return value;
    }

    /**
     * Checks every text in an event (record components, nested records and collections) as {@link #optionalText}.
     */
    public static void allText(String field, Object value, int maxBytes) {
        if (value instanceof String text) {
            optionalText(field, text, maxBytes);
        } else if (value instanceof Iterable<?> items) {
            int i = 0;
            for (Object item : items) {
                allText(field + "[" + i++ + "]", item, maxBytes);
            }
        } else if (value instanceof java.util.Map<?, ?> map) {
            map.forEach((k, v) -> {
                allText(field + ".key", k, maxBytes);
                allText(field + "." + k, v, maxBytes);
            });
        } else if (value != null && value.getClass().isRecord()) {
            for (java.lang.reflect.RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    allText(field.isEmpty() ? component.getName() : field + "." + component.getName(),
                            component.getAccessor().invoke(value), maxBytes);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new UnstorableEventException(field + " is missing");
        }
        return value;
    }
}
