package org.unionbot.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection that POSTs JSON and reads the answer, for load clients that share
 * the 2 cores with the server they measure: the JDK's {@code HttpClient} spends about 0.6-0.9 ms of CPU
 * per request (its selector thread, futures and header maps), which on this machine is a third of the
 * budget of a 1,000 requests/s target. This one writes the request bytes and parses only the status
 * line, {@code Content-Length} or chunked framing. Not thread-safe: one per client thread.
 */
final class RawHttpConnection implements AutoCloseable {
    record Response(int status, String body) {}

    private final URI uri;
    private final byte[] head;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    RawHttpConnection(URI uri) {
        this.uri = uri;
        this.head = ("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nContent-Type: application/json\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
    }

    /** POSTs {@code json}; reconnects once if the server closed the idle connection. */
    Response post(String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try {
            return exchange(body);
        } catch (IOException closed) {
            close();
            return exchange(body);
        }
    }

    private Response exchange(byte[] body) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }
        ByteArrayOutputStream request = new ByteArrayOutputStream(head.length + body.length + 16);
        request.writeBytes(head);
        request.writeBytes((body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(body);
        out.write(request.toByteArray());
        out.flush();

        String statusLine = line();
        if (statusLine == null) {
            throw new IOException("connection closed before the status line");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        String header;
        while ((header = line()) != null && !header.isEmpty()) {
            String lower = header.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closeAfter = true;
            }
        }
        byte[] content;
        if (chunked) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            int size;
            while ((size = Integer.parseInt(line().split(";")[0].strip(), 16)) > 0) {
                all.writeBytes(in.readNBytes(size));
                line();
            }
            line(); // the empty line after the last chunk
            content = all.toByteArray();
        } else {
            content = in.readNBytes(Math.max(length, 0));
        }
        if (closeAfter) {
            close();
        }
        return new Response(status, new String(content, StandardCharsets.UTF_8));
    }

    /** One CRLF-terminated header line, or null at the end of the stream. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a connection the server already dropped
            }
            socket = null;
        }
    }
}
