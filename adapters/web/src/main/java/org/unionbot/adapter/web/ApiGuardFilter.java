package org.unionbot.adapter.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the web chat's JSON API before Spring MVC reads anything.
 *
 * <p>A body over {@link #MAX_BODY_BYTES} is refused with 413: at once when Content-Length says so, and
 * otherwise (chunked uploads, a lying header) as soon as the stream delivers one byte too many, so a
 * client cannot make the server buffer an unbounded body. Every API response also gets
 * {@code Cache-Control: no-store} (answers are personal) and {@code X-Content-Type-Options: nosniff}
 * (JSON that quotes a {@code <script>} a user typed must never be sniffed as HTML).
 */
final class ApiGuardFilter extends OncePerRequestFilter {
    static final int MAX_BODY_BYTES = 64 * 1024;
    /** Set on the request when the guarded stream stopped an oversized body. */
    static final String TOO_LARGE_ATTRIBUTE = ApiGuardFilter.class.getName() + ".TOO_LARGE";

    private final long limit;

    ApiGuardFilter() {
        this(MAX_BODY_BYTES);
    }

    ApiGuardFilter(long limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (request.getContentLengthLong() > limit) {
            writeTooLarge(response);
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request, limit), response);
        } catch (BodyTooLargeException | ServletException e) {
            // Normally WebChatErrors answers; this catches a body read outside Spring MVC's handlers.
            if (!BodyTooLargeException.isCauseOf(e) || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            writeTooLarge(response);
        }
    }

    private static void writeTooLarge(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType("application/json;charset=UTF-8");
        // The server may close the connection instead of reading the rest of a huge body.
        response.setHeader("Connection", "close");
        String message = WebTexts.get("request.tooLarge", String.valueOf(MAX_BODY_BYTES / 1024));
        response.getOutputStream().write(("{\"error\":\"" + jsonEscape(message) + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    static String jsonEscape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '<' -> out.append("\\u003c");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** The request with its body stream cut off after {@code limit} bytes. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private LimitedInputStream stream;
        private BufferedReader reader;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (reader != null) {
                throw new IllegalStateException("getReader() has already been called");
            }
            return limited();
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                if (stream != null) {
                    throw new IllegalStateException("getInputStream() has already been called");
                }
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(limited(), charset));
            }
            return reader;
        }

        private LimitedInputStream limited() throws IOException {
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream(), limit, this);
            }
            return stream;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private final HttpServletRequest request;
        private long count;

        LimitedInputStream(ServletInputStream in, long limit, HttpServletRequest request) {
            this.in = in;
            this.limit = limit;
            this.request = request;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws BodyTooLargeException {
            count += n;
            if (count > limit) {
                request.setAttribute(TOO_LARGE_ATTRIBUTE, Boolean.TRUE);
                throw new BodyTooLargeException(limit);
            }
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

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
