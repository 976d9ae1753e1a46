package io.musicstream.infra.hostile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Malformed input from a seeded {@link Random}: JSON bodies that can never pass an endpoint's validation,
 * hostile strings, numbers, path ids and query values. Every body is broken on purpose (not JSON, the wrong
 * shape, a required field missing, or an unknown field), so no fuzzed request may write anything.
 */
final class HostileInput {

    /** JSON text written as is, for tokens no serializer would produce (huge numbers, NaN, raw bytes). */
    record Raw(String text) {
    }

    private static final String[] STRINGS = {
            "", " ", "\u0000", "a\u0000b", "x\u0001\u0002\u001f\u007f", "\t\n\r", "line\nbreak", "\u0085\u2028\u2029",
            "\u202eevil", "\ufeffbom", "😀🎵", "e\u0301\u0301\u0301", "日本語の曲", "Ünïcödé", "\uffff", "\ud800",
            "..", "../../etc/passwd", "%00", "%2e%2e%2f", "' OR '1'='1' --", "\"; drop table library_item; --",
            "${jndi:ldap://127.0.0.1/x}", "<script>alert(1)</script>", "{{7*7}}", "null", "NaN", "-1", "0",
            "99999999999999999999999999", "1e309", "true", "SE", "WW", "ZZ", "tracks", "save", "library:x",
            "track", "ALBUM", "2026-13-45T99:99:99Z", "1970-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
            "GBUM71029604", "00602547202734", "\\", "\\u0000", "/", "?", "#", "&", "=", "%", "*", "a,b,,c",
    };

    private static final String[] NUMBERS = {
            "-1", "0", "-0", "1", "2147483647", "2147483648", "-2147483649", "9223372036854775807",
            "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890", "1e309", "-1e309",
            "1.5", "1E2", "0x10", "NaN", "Infinity", "-Infinity", "1e999999", "00012", ".5",
            // near the limits endpoints declare
            "10", "49", "50", "51", "99", "100", "101", "499", "500", "501", "990", "1000", "1001", "10000", "10001",
    };

    private final Random random;

    HostileInput(Random random) {
        this.random = random;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    String string() {
        return switch (random.nextInt(10)) {
            case 0 -> "x".repeat(100 * 1024);
            case 1 -> "y".repeat(101 + random.nextInt(5000));
            case 2 -> controlCharacters(1 + random.nextInt(20));
            case 3 -> UUID.randomUUID().toString();
            default -> STRINGS[random.nextInt(STRINGS.length)];
        };
    }

    private String controlCharacters(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append((char) (random.nextBoolean() ? random.nextInt(0x20) : 0x7f + random.nextInt(0x21)));
        }
        return out.toString();
    }

    String number() {
        return NUMBERS[random.nextInt(NUMBERS.length)];
    }

    /** A value of roughly the given Java type, hostile in content and sometimes of the wrong type. */
    Object valueFor(Type type, int depth) {
        if (depth > 4 || chance(15)) {
            return anyValue(depth);
        }
        Class<?> raw = rawClass(type);
        if (raw == String.class) {
            return string();
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class
                || raw == short.class || raw == Short.class) {
            return new Raw(number());
        }
        if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            return new Raw(number());
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return random.nextBoolean() ? Boolean.TRUE : pick(List.of("yes", "1", "TRUE", ""));
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return random.nextBoolean() ? constants[random.nextInt(constants.length)].toString() : string();
        }
        if (Collection.class.isAssignableFrom(raw)) {
            Type element = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
            int size = chance(5) ? 2_000 : random.nextInt(4);
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                list.add(size > 10 ? "id-" + i : valueFor(element, depth + 1));
            }
            return list;
        }
        if (raw.isRecord()) {
            return recordObject(raw, depth + 1, false);
        }
        return string();
    }

    /** Any JSON value: strings, numbers, literals, arrays for objects and objects for strings. */
    Object anyValue(int depth) {
        return switch (random.nextInt(depth > 3 ? 4 : 7)) {
            case 0 -> string();
            case 1 -> new Raw(number());
            case 2 -> random.nextBoolean();
            case 3 -> null;
            case 4 -> java.util.Arrays.asList(anyValue(depth + 1), anyValue(depth + 1));
            case 5 -> java.util.Collections.singletonMap(string(), anyValue(depth + 1));
            default -> new Raw(deepNesting(50 + random.nextInt(200)));
        };
    }

    /**
     * An object shaped like {@code recordType}, with hostile values. When {@code broken}, it can never be
     * valid: a required component is left out or null, or, for records without one, an unknown field is added.
     */
    Map<String, Object> recordObject(Class<?> recordType, int depth, boolean broken) {
        Map<String, Object> object = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent component : recordType.getRecordComponents()) {
            if (isRequired(recordType, component.getName())) {
                required.add(component.getName());
            }
            if (chance(85)) {
                object.put(component.getName(), valueFor(component.getGenericType(), depth));
            }
        }
        if (chance(20)) {
            object.put(pick(List.of("userId", "roles", "admin", "__proto__", "constructor", "user_id")), string());
        }
        if (broken) {
            if (required.isEmpty()) {
                object.put("unknownField" + random.nextInt(1000), anyValue(depth));
            } else {
                String victim = pick(required);
                if (random.nextBoolean()) {
                    object.remove(victim);
                } else {
                    object.put(victim, null);
                }
            }
        }
        return object;
    }

    private static boolean isRequired(Class<?> recordType, String component) {
        try {
            Field field = recordType.getDeclaredField(component);
            return field.isAnnotationPresent(NotNull.class) || field.isAnnotationPresent(NotBlank.class)
                    || field.isAnnotationPresent(NotEmpty.class);
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    /** A body for an endpoint whose {@code @RequestBody} is {@code bodyType} (null: none or a raw stream). */
    byte[] malformedBody(Class<?> bodyType) {
        int kinds = bodyType != null && bodyType.isRecord() ? 12 : 10;
        return switch (random.nextInt(kinds)) {
            case 0 -> new byte[0];
            case 1 -> utf8(pick(List.of(" ", "\n", "{", "}", "[", "{\"", "nul", "tru", "\"unterminated", "{}}", "[]]")));
            case 2 -> truncated(json(bodyType != null && bodyType.isRecord()
                    ? recordObject(bodyType, 0, false) : anyValue(0)));
            case 3 -> invalidUtf8(json(Map.of("value", string())));
            case 4 -> utf8("{\"a\":\u0000\u0001,\u0002}" + controlCharacters(5));
            case 5 -> utf8(pick(List.of("[]", "[{}]", "1", "-1e999999", "\"string\"", "true", "false", "[null]",
                    "123456789012345678901234567890")));
            case 6 -> utf8(deepNesting(2_000 + random.nextInt(20_000)));
            case 7 -> randomBytes(1 + random.nextInt(2_000));
            case 8 -> utf8("{\"a\":1,\"a\":2,\"" + "k".repeat(random.nextInt(100_000)) + "\":" + number() + "}");
            case 9 -> ndjson();
            default -> utf8(json(recordObject(bodyType, 0, true)));
        };
    }

    /** Lines of a catalog import that are all refused: garbage, truncated or unknown kinds of JSON. */
    private byte[] ndjson() {
        StringBuilder lines = new StringBuilder();
        int count = 1 + random.nextInt(20);
        for (int i = 0; i < count; i++) {
            lines.append(switch (random.nextInt(5)) {
                case 0 -> "{\"kind\":" + json(string()) + "}";
                case 1 -> "{\"kind\":\"release\",\"tracks\":" + deepNesting(50) + "}";
                case 2 -> controlCharacters(10);
                case 3 -> "[" + json(anyValue(0)) + "]";
                default -> "{\"kind\":\"artist\"";
            }).append('\n');
        }
        return utf8(lines.toString());
    }

    String deepNesting(int depth) {
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return open.repeat(depth) + "1" + close.repeat(random.nextInt(4) == 0 ? depth / 2 : depth);
    }

    private byte[] truncated(String json) {
        return utf8(json.substring(0, json.isEmpty() ? 0 : random.nextInt(json.length())));
    }

    private byte[] invalidUtf8(String json) {
        byte[] text = utf8(json);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = Math.max(1, text.length / 2);
        out.write(text, 0, at);
        byte[][] bad = {{(byte) 0xff}, {(byte) 0xc0, (byte) 0x80}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                {(byte) 0xe2, (byte) 0x82}, {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
        byte[] chosen = bad[random.nextInt(bad.length)];
        out.write(chosen, 0, chosen.length);
        out.write(text, at, text.length - at);
        return out.toByteArray();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A path segment: unknown ids, traversal, encoded NUL, invalid percent-encoded UTF-8, very long, unicode. */
    String pathId() {
        return switch (random.nextInt(16)) {
            case 0 -> "..";
            case 1 -> "%2e%2e";
            case 2 -> "%00";
            case 3 -> "a%00b";
            case 4 -> "%ff%fe";
            case 5 -> "x".repeat(101 + random.nextInt(3_000));
            case 6 -> encode("日本語-😀-\u202e");
            case 7 -> "a%2Fb";
            case 8 -> "%5C..%5C";
            case 9 -> ".";
            case 10 -> "a;b=c";
            case 11 -> "%20";
            case 12 -> encode(controlCharacters(3));
            case 13 -> "9".repeat(30);
            default -> encode(random.nextBoolean() ? UUID.randomUUID().toString() : prefix(string(), 50));
        };
    }

    /** A query value, percent-encoded, or a raw hostile encoding. */
    String queryValue() {
        return switch (random.nextInt(8)) {
            case 0 -> number();
            case 1 -> "%00";
            case 2 -> "%ff";
            case 3 -> "";
            case 4 -> encode("x".repeat(100 + random.nextInt(3_000)));
            default -> encode(random.nextBoolean() ? prefix(string(), 200) : number());
        };
    }

    private static String prefix(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    String contentType(String usual) {
        return switch (random.nextInt(14)) {
            case 0 -> null;
            case 1 -> "text/plain";
            case 2 -> "application/xml";
            case 3 -> "application/x-www-form-urlencoded";
            case 4 -> "multipart/form-data; boundary=x";
            case 5 -> "application/json; charset=latin1";
            case 6 -> "application/json; charset=nonsense";
            case 7 -> "garbage";
            default -> usual;
        };
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Writes JSON text; strings are escaped as JSON requires, lone surrogates and all. */
    static String json(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.text());
        } else if (value instanceof String s) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20 || Character.isSurrogate(c)) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(String.valueOf(e.getKey()), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object e : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(e, out);
            }
            out.append(']');
        } else {
            out.append(value);
        }
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }
}
