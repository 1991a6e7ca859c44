package org.unionbot.adapter.wecom;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a callback body as UTF-8 (WeCom always sends UTF-8, whatever the header says), refusing more
 * than {@link #MAX_BYTES}: at once when Content-Length says so, otherwise as soon as one byte too many
 * arrives, so a client can never make the server buffer an unbounded body.
 */
final class BoundedBody {
    static final int MAX_BYTES = 64 * 1024;

    /** The body was over the limit. */
    static final class TooLarge extends Exception {
        TooLarge() {
            super("callback body over " + MAX_BYTES + " bytes", null, false, false);
        }
    }

    private BoundedBody() {
    }

    static String read(HttpServletRequest request) throws IOException, TooLarge {
        if (request.getContentLengthLong() > MAX_BYTES) {
            throw new TooLarge();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(256, (int) Math.max(0, request.getContentLengthLong())));
        byte[] buffer = new byte[8192];
        try (InputStream in = request.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > MAX_BYTES) {
                    throw new TooLarge();
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
