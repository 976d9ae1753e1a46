package io.musicstream.query.json;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes an {@link Instant} exactly as {@link Instant#toString()} does (ISO-8601 in UTC, fraction in groups of
 * three digits as needed), without the {@code DateTimeFormatter} machinery, which allocates for every value
 * (docs/performance.md). The sync feed's pages call {@link #write} with one buffer per page.
 */
public class IsoInstantSerializer extends ValueSerializer<Instant> {

    private static final long FIRST_SECOND_OF_YEAR_0 = -62_167_219_200L;
    private static final long LAST_SECOND_OF_YEAR_9999 = 253_402_300_799L;
    /** "9999-12-31T23:59:59.999999999Z" */
    public static final int MAX_LENGTH = 30;

    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializationContext context) {
        write(value.getEpochSecond(), value.getNano(), new char[MAX_LENGTH], gen);
    }

    /** Writes the instant as a JSON string, formatted in {@code buffer} (at least {@value #MAX_LENGTH} chars). */
    public static void write(long epochSecond, int nano, char[] buffer, JsonGenerator gen) {
        int length = format(epochSecond, nano, buffer);
        if (length < 0) {
            gen.writeString(Instant.ofEpochSecond(epochSecond, nano).toString());
        } else {
            gen.writeString(buffer, 0, length);
        }
    }

    /** Formats into {@code out} and returns the length, or -1 for a year outside 0000 to 9999. */
    private static int format(long epochSecond, int nano, char[] out) {
        if (epochSecond < FIRST_SECOND_OF_YEAR_0 || epochSecond > LAST_SECOND_OF_YEAR_9999) {
            return -1;
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        int i = digits(out, 0, t.getYear(), 4);
        out[i++] = '-';
        i = digits(out, i, t.getMonthValue(), 2);
        out[i++] = '-';
        i = digits(out, i, t.getDayOfMonth(), 2);
        out[i++] = 'T';
        i = digits(out, i, t.getHour(), 2);
        out[i++] = ':';
        i = digits(out, i, t.getMinute(), 2);
        out[i++] = ':';
        i = digits(out, i, t.getSecond(), 2);
        if (nano != 0) {
            out[i++] = '.';
            if (nano % 1_000_000 == 0) {
                i = digits(out, i, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                i = digits(out, i, nano / 1_000, 6);
            } else {
                i = digits(out, i, nano, 9);
            }
        }
        out[i++] = 'Z';
        return i;
    }

    private static int digits(char[] out, int at, int value, int width) {
        for (int p = at + width - 1; p >= at; p--) {
            out[p] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
