package io.musicstream.infra.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies over the limit with 413, whether announced by Content-Length or streamed chunked. Catalog
 * imports ({@code POST /api/v1/catalog/imports}), which stream their body line by line, have their own much
 * larger limit ({@code music.http.max-import-size}), except when they carry an {@code Idempotency-Key}: the
 * idempotency filter holds such a body in memory, so the usual limit applies. Playlist files
 * ({@code POST /api/v1/playlists/imports}) may be as large as a 10,000-entry export
 * ({@code music.http.max-playlist-import-size}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    /** Thrown while reading a chunked body that grows past the limit; mapped to 413. */
    public static class BodyTooLargeException extends IOException {
        BodyTooLargeException(long limit) {
            super("request body is larger than " + limit + " bytes");
        }
    }

    private static final String IMPORT_PATH = "/api/v1/catalog/imports";
    private static final String PLAYLIST_IMPORT_PATH = "/api/v1/playlists/imports";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final long defaultLimit;
    private final long importLimit;
    private final long playlistImportLimit;
    private final Problems problems;

    public RequestSizeLimitFilter(@Value("${music.http.max-body-size:1MB}") DataSize limit,
                                  @Value("${music.http.max-import-size:2GB}") DataSize importLimit,
                                  @Value("${music.http.max-playlist-import-size:8MB}") DataSize playlistImportLimit,
                                  Problems problems) {
        this.defaultLimit = limit.toBytes();
        this.importLimit = importLimit.toBytes();
        this.playlistImportLimit = playlistImportLimit.toBytes();
        this.problems = problems;
    }

    private long limitFor(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return defaultLimit;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (IMPORT_PATH.equals(path) && request.getHeader(IDEMPOTENCY_KEY) == null) {
            return importLimit;
        }
        return PLAYLIST_IMPORT_PATH.equals(path) ? Math.max(defaultLimit, playlistImportLimit) : defaultLimit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request);
        if (request.getContentLengthLong() > limit) {
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                    "the body has " + request.getContentLengthLong() + " bytes; at most " + limit + " are accepted");
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > limit) {
                            throw new BodyTooLargeException(limit);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int off, int len) throws IOException {
                        int n = in.read(buffer, off, len);
                        if (n > 0 && (read += n) > limit) {
                            throw new BodyTooLargeException(limit);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
