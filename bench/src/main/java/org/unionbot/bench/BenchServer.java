package org.unionbot.bench;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.unionbot.app.UnionBotApplication;

/**
 * The union bot on its embedded default (demo school) plus {@link BareEndpoint} in the same JVM, for
 * load tools outside the JVM (wrk) to compare /api/chat with the bare endpoint side by side.
 * Arguments are Spring Boot command-line properties, e.g. --server.port=18090 --unionbot.data-dir=/tmp/x.
 */
public final class BenchServer {
    private BenchServer() {
    }

    public static void main(String[] args) {
        new SpringApplicationBuilder(UnionBotApplication.class, BareEndpoint.class).run(args);
    }
}
