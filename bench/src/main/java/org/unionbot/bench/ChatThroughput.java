package org.unionbot.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.unionbot.app.UnionBotApplication;

/**
 * /api/chat against a bare Spring MVC endpoint in the same JVM and the same run, 32 closed-loop clients.
 * The app runs on its embedded default with the demo school; chat requests rotate over the 200 demo
 * members and alternate 帮助 and 我是谁, so every request resolves a member in the database.
 *
 * <p>Phases alternate (bare, chat, bare, chat) after a warm-up so that drift of a noisy machine hits
 * both endpoints alike. Arguments: [seconds per phase, default 15] [clients, default 32].
 */
public final class ChatThroughput {
    private static final String[] TEXTS = {"帮助", "我是谁"};

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        Path data = Files.createTempDirectory("unionbot-bench");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(UnionBotApplication.class, BareEndpoint.class)
                .run("--server.port=0", "--unionbot.data-dir=" + data, "--logging.level.root=WARN",
                        "--server.tomcat.threads.max=64");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            URI chat = URI.create("http://127.0.0.1:" + port + "/api/chat");
            URI bare = URI.create("http://127.0.0.1:" + port + "/bench/bare");
            LoadClient load = new LoadClient();
            java.util.function.IntFunction<String> body = n -> "{\"user\":\"" + user(n) + "\",\"text\":\"" + TEXTS[n % 2] + "\"}";

            load.run("warm-up bare", bare, body, clients, Duration.ofSeconds(Math.max(5, seconds / 2)), r -> true);
            load.run("warm-up chat", chat, body, clients, Duration.ofSeconds(Math.max(5, seconds / 2)), r -> true);

            List<LoadClient.Result> results = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                results.add(load.run("bare", bare, body, clients, Duration.ofSeconds(seconds), r -> r.contains("收到")));
                results.add(load.run("chat", chat, body, clients, Duration.ofSeconds(seconds),
                        r -> r.contains("我能帮您做这些事") || r.contains("老师，您好")));
            }
            report(results, clients, seconds);
        } finally {
            app.close();
        }
    }

    private static String user(int n) {
        int member = n % 200;
        return member == 0 ? "chair" : String.format("t%03d", member);
    }

    private static void report(List<LoadClient.Result> results, int clients, int seconds) {
        System.out.println();
        System.out.printf("## /api/chat vs bare Spring MVC endpoint — %s, %d cores, %d clients, %d s phases%n",
                LocalDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors(), clients, seconds);
        System.out.println("| phase | requests | errors | req/s | p50 ms | p99 ms |");
        System.out.println("|---|---|---|---|---|---|");
        double bare = 0;
        double chat = 0;
        for (LoadClient.Result r : results) {
            System.out.printf("| %s | %d | %d | %.0f | %.2f | %.2f |%n", r.name(), r.requests(), r.errors(),
                    r.perSecond(), r.p50Millis(), r.p99Millis());
            if (r.name().equals("bare")) {
                bare += r.perSecond();
            } else {
                chat += r.perSecond();
            }
        }
        System.out.printf("%nchat/bare throughput ratio: %.2f (target ≥ 0.5)%n", chat / bare);
    }
}
