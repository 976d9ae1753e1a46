package io.musicstream.query.playlist.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** An uploaded document as text: at most the byte limit, UTF-8 only (a UTF-8 BOM is skipped), decoded strictly. */
final class DocumentText {

    private DocumentText() {
    }

    static String read(InputStream in, PlaylistFormat format, long maxBytes) {
        byte[] bytes;
        try {
            // one byte past the limit tells "too large" from "exactly the limit" without reading the rest
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > maxBytes) {
            throw problem(format, "the document is larger than the limit of " + maxBytes + " bytes");
        }
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            start = 3;
        } else if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF
                || (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE)) {
            throw problem(format, "the document is UTF-16 or UTF-32 (byte order mark); only UTF-8 is accepted");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer output = CharBuffer.allocate(bytes.length - start);
        CoderResult result = decoder.decode(input, output, true);
        if (result.isError()) {
            throw problem(format, "invalid UTF-8 at byte " + input.position() + "; only UTF-8 is accepted");
        }
        decoder.flush(output);
        output.flip();
        return output.toString();
    }

    static PlaylistFormatException problem(PlaylistFormat format, String problem) {
        return new PlaylistFormatException(format, List.of(problem));
    }
}
