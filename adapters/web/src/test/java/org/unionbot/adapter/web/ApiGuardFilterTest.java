package org.unionbot.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The body limit holds even when the client sends no Content-Length (chunked) or a false one. */
class ApiGuardFilterTest {
    final ApiGuardFilter filter = new ApiGuardFilter();

    /** A request whose length is unknown up front, like a chunked upload. */
    static MockHttpServletRequest streamed(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/chat") {
            @Override
            public int getContentLength() {
                return -1;
            }

            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setContentType("application/json");
        request.setContent(body);
        return request;
    }

    static MockFilterChain readingChain(AtomicReference<byte[]> read) {
        return new MockFilterChain() {
            @Override
            public void doFilter(ServletRequest request, jakarta.servlet.ServletResponse response) throws IOException {
                try (InputStream in = request.getInputStream()) {
                    read.set(in.readAllBytes());
                }
            }
        };
    }

    @Test
    void aStreamedBodyPastTheLimitIsCutOffWith413() throws Exception {
        byte[] body = new byte[ApiGuardFilter.MAX_BODY_BYTES + 1];
        Arrays.fill(body, (byte) 'x');
        MockHttpServletRequest request = streamed(body);
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<byte[]> read = new AtomicReference<>();

        filter.doFilter(request, response, readingChain(read));

        assertThat(read.get()).as("the handler never got the body").isNull();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo("{\"error\":\"请求太大：不能超过 64 KB。\"}");
        assertThat(request.getAttribute(ApiGuardFilter.TOO_LARGE_ATTRIBUTE)).isEqualTo(Boolean.TRUE);
    }

    @Test
    void aStreamedBodyAtTheLimitPassesWhole() throws Exception {
        byte[] body = new byte[ApiGuardFilter.MAX_BODY_BYTES];
        Arrays.fill(body, (byte) 'y');
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<byte[]> read = new AtomicReference<>();

        filter.doFilter(streamed(body), response, readingChain(read));

        assertThat(read.get()).hasSize(ApiGuardFilter.MAX_BODY_BYTES);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void aDeclaredLengthPastTheLimitIsRefusedBeforeReading() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/chat") {
            @Override
            public long getContentLengthLong() {
                return 10L * 1024 * 1024;
            }
        };
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).as("the chain was not called").isNull();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("不能超过 64 KB");
    }

    @Test
    void theReaderIsLimitedToo() throws Exception {
        byte[] body = ("{\"text\":\"" + "字".repeat(30_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        MockHttpServletRequest request = streamed(body);
        request.setCharacterEncoding("UTF-8");
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> read = new AtomicReference<>();
        MockFilterChain chain = new MockFilterChain() {
            @Override
            public void doFilter(ServletRequest req, jakarta.servlet.ServletResponse res) throws IOException {
                StringBuilder all = new StringBuilder();
                char[] buffer = new char[4096];
                for (int n; (n = req.getReader().read(buffer)) > 0; ) {
                    all.append(buffer, 0, n);
                }
                read.set(all.toString());
            }
        };

        filter.doFilter(request, response, chain);

        assertThat(read.get()).isNull();
        assertThat(response.getStatus()).isEqualTo(413);
    }

    @Test
    void jsonEscapingCoversQuotesBackslashesAndControls() {
        assertThat(ApiGuardFilter.jsonEscape("a\"b\\c\n<d")).isEqualTo("a\\\"b\\\\c\\u000a\\u003cd");
    }
}
