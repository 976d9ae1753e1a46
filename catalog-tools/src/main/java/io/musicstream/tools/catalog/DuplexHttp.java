package io.musicstream.tools.catalog;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocketFactory;

/**
 * A minimal HTTP/1.1 client that sends a request body and reads the answer at the same time. The JDK's
 * {@code java.net.http} client (up to JDK 17 at least) reads nothing of the answer before it has sent the whole
 * body, so an import whose many error lines fill the socket buffers would stall both sides until the server
 * gives up; curl and this client do not have that problem.
 */
final class DuplexHttp {

    private static final int CONNECT_TIMEOUT_MS = 10_000;

    private DuplexHttp() {
    }

    /** Status, headers (names in lower case) of an answer whose body was handed over line by line. */
    record Answer(int status, Map<String, String> headers) {
    }

    /**
     * POSTs {@code body} ({@code length} bytes, or chunked when negative) to {@code uri} and hands every line
     * of the answer's body to {@code lines} as it arrives. Returns once the answer has ended.
     */
    static Answer post(URI uri, Map<String, String> headers, InputStream body, long length, Consumer<String> lines)
            throws IOException, InterruptedException {
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        try (Socket socket = tls ? SSLSocketFactory.getDefault().createSocket() : new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), CONNECT_TIMEOUT_MS);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            StringBuilder head = new StringBuilder();
            head.append("POST ").append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                    .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n");
            head.append("Host: ").append(uri.getHost()).append(uri.getPort() > 0 ? ":" + uri.getPort() : "").append("\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append(length >= 0 ? "Content-Length: " + length : "Transfer-Encoding: chunked").append("\r\n");
            head.append("Connection: close\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));

            AtomicReference<IOException> sendFailure = new AtomicReference<>();
            Thread sender = new Thread(() -> {
                try {
                    send(body, length < 0, out);
                } catch (IOException e) {
                    sendFailure.set(e); // the server may answer (and close) before taking the whole body
                }
            }, "catalog-import-upload");
            sender.setDaemon(true);
            sender.start();

            InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            String statusLine = headerLine(in);
            while (statusLine.isEmpty()) {
                statusLine = headerLine(in);
            }
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP answer: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            Map<String, String> answerHeaders = new LinkedHashMap<>();
            for (String line = headerLine(in); !line.isEmpty(); line = headerLine(in)) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    answerHeaders.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).trim());
                }
            }
            InputStream answerBody;
            if ("chunked".equalsIgnoreCase(answerHeaders.getOrDefault("transfer-encoding", ""))) {
                answerBody = new Chunked(in);
            } else if (answerHeaders.containsKey("content-length")) {
                answerBody = new Limited(in, Long.parseLong(answerHeaders.get("content-length")));
            } else {
                answerBody = in;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(answerBody, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.accept(line);
            }
            sender.join(1_000);
            return new Answer(status, answerHeaders);
        }
    }

    private static void send(InputStream body, boolean chunked, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
            if (n == 0) {
                continue;
            }
            if (chunked) {
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write(buffer, 0, n);
            if (chunked) {
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        if (chunked) {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.flush();
    }

    private static String headerLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the server closed the connection");
            }
            if (line.size() > 64 * 1024) {
                throw new IOException("header line too long");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /** The body of a chunked answer. */
    private static final class Chunked extends InputStream {
        private final InputStream in;
        private long left;
        private boolean ended;

        Chunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (ended) {
                return -1;
            }
            if (left == 0) {
                String size = headerLine(in);
                int semicolon = size.indexOf(';');
                left = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (left == 0) {
                    while (!headerLine(in).isEmpty()) {
                        // trailers
                    }
                    ended = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new EOFException("the answer ended inside a chunk");
            }
            left -= n;
            if (left == 0) {
                headerLine(in); // the CRLF after the chunk
            }
            return n;
        }
    }

    /** The body of an answer with a Content-Length. */
    private static final class Limited extends InputStream {
        private final InputStream in;
        private long left;

        Limited(InputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
