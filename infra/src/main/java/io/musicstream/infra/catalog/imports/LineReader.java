package io.musicstream.infra.catalog.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without holding more than one line (at most {@code maxLineBytes}) in
 * memory. A longer line is skipped to its end and reported as {@link Line#tooLong() too long}. Lines end in
 * {@code \n}; a {@code \r} before it and a UTF-8 byte order mark at the start are dropped.
 */
final class LineReader {

    /** Line {@code number} (from 1); {@code bytes[0..length)} hold it unless it was too long. */
    record Line(long number, byte[] bytes, int length, boolean tooLong) {

        boolean blank() {
            for (int i = 0; i < length; i++) {
                byte b = bytes[i];
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return true;
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private boolean ended;
    private byte[] line = new byte[8 * 1024];
    private int lineLength;
    private long number;

    LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
        lineLength = 0;
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                if (ended || !fill()) {
                    if (!any) {
                        return null;
                    }
                    return finish(tooLong);
                }
            }
            any = true;
            int start = position;
            int newline = -1;
            for (int i = start; i < limit; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int end = newline < 0 ? limit : newline;
            if (!tooLong) {
                int chunk = end - start;
                if (lineLength + chunk > maxLineBytes) {
                    tooLong = true;
                    lineLength = 0;
                } else {
                    if (lineLength + chunk > line.length) {
                        line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(lineLength + chunk, 2 * line.length)));
                    }
                    System.arraycopy(buffer, start, line, lineLength, chunk);
                    lineLength += chunk;
                }
            }
            if (newline >= 0) {
                position = newline + 1;
                return finish(tooLong);
            }
            position = limit;
        }
    }

    private Line finish(boolean tooLong) {
        number++;
        if (tooLong) {
            return new Line(number, null, 0, true);
        }
        int from = 0;
        if (number == 1 && lineLength >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB
                && (line[2] & 0xFF) == 0xBF) {
            from = 3;
        }
        int to = lineLength > from && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
        return new Line(number, Arrays.copyOfRange(line, from, to), to - from, false);
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            ended = true;
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
