package io.musicstream.infra.web.idempotency;

import io.musicstream.infra.web.Problems;
import io.musicstream.infra.web.RequestSizeLimitFilter;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;

/** A request whose body was read once (to fingerprint it, or to find a username) and is replayed to the rest of the chain. */
public final class CachedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;

    public CachedBodyRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /**
     * Reads the whole body of {@code request}; null when it is over the size limit, which has then been answered
     * with a 413 problem.
     */
    public static CachedBodyRequest readOrRefuse(HttpServletRequest request, HttpServletResponse response,
                                                 Problems problems) throws IOException {
        try {
            return new CachedBodyRequest(request, request.getInputStream().readAllBytes());
        } catch (RequestSizeLimitFilter.BodyTooLargeException tooLarge) {
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                    tooLarge.getMessage());
            return null;
        }
    }

    public byte[] body() {
        return body;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] buffer, int off, int len) {
                return in.read(buffer, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                try {
                    listener.onDataAvailable();
                    listener.onAllDataRead();
                } catch (IOException e) {
                    listener.onError(e);
                }
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }
}
