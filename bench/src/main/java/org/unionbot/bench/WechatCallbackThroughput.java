package org.unionbot.bench;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionbot.app.UnionBotApplication;
import org.unionbot.core.command.Command;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.command.CommandSpec;
import org.unionbot.core.command.Locality;
import org.unionbot.core.command.Privilege;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.PlatformIdentity;
import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;

/**
 * WeChat Official Account safe-mode callbacks carrying <b>knowledge questions</b> next to {@code /api/chat}
 * with the same questions, in the same JVM and run, with the same closed-loop client; then the 5-second
 * deadline under load.
 *
 * <p>The app runs on its embedded default with the demo school and one Official Account configured; its
 * API host is a local stub (JDK HttpServer) that answers the stable-token and customer-service calls and
 * counts the latter. 500 senders (openids) are bound to the 200 demo members. Every callback is what WeChat
 * would send ({@link OaCallbacks}): distinct MsgId, fresh timestamp and nonce, AES-encrypted and signed. The
 * texts are the in-scope questions of the labelled knowledge set ({@code questions.tsv}); a callback counts
 * as an error unless its encrypted passive reply decrypts (receive id checked) to a knowledge answer
 * (【来源】 or the did-you-mean list). {@code /api/chat} is held to the same rule.
 *
 * <p>Deadline phase: the same load, but every {@code slowEvery}-th callback asks 慢查询, a handler that takes
 * 6 s. Those must be answered {@code success} (the deferred path) and every callback of the phase must be
 * answered within 5 s; afterwards the stub must have received one customer-service message per slow call.
 *
 * <p>Arguments: [seconds per phase, default 15] [clients, default 32] [slowEvery, default 8].
 */
public final class WechatCallbackThroughput {
    private static final int SENDERS = 500;
    static final String SLOW = "慢查询";
    static final Duration SLOW_FOR = Duration.ofSeconds(6);

    /** The deliberately slow handler of the deadline phase (a Command bean, picked up like any other). */
    @Configuration(proxyBeanMethods = false)
    static class SlowHandler {
        @Bean
        Command benchSlowCommand() {
            CommandSpec spec = new CommandSpec(SLOW, List.of(), SLOW, "基准测试用的慢处理（6 秒）", Privilege.PUBLIC, Locality.ANY);
            return new Command() {
                @Override
                public CommandSpec spec() {
                    return spec;
                }

                @Override
                public Reply execute(CommandContext context) {
                    try {
                        Thread.sleep(SLOW_FOR.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Reply.text("慢查询的结果");
                }
            };
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int slowEvery = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        List<String> questions = OaCallbacks.knowledgeQuestions();
        AtomicLong customerServiceSends = new AtomicLong();
        HttpServer platform = platformStub(customerServiceSends);
        Path data = Files.createTempDirectory("unionbot-bench");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(UnionBotApplication.class, SlowHandler.class)
                .run("--server.port=0", "--unionbot.data-dir=" + data, "--logging.level.root=WARN",
                        "--server.tomcat.threads.max=64",
                        "--unionbot.wechat-mp.accounts[0].app-id=" + OaCallbacks.APP_ID,
                        "--unionbot.wechat-mp.accounts[0].secret=bench-secret",
                        "--unionbot.wechat-mp.accounts[0].token=" + OaCallbacks.TOKEN,
                        "--unionbot.wechat-mp.accounts[0].aes-key=" + OaCallbacks.AES_KEY,
                        "--unionbot.wechat-mp.api-base-url=http://127.0.0.1:" + platform.getAddress().getPort());
        try {
            MemberRepository members = app.getBean(MemberRepository.class);
            for (int n = 0; n < SENDERS; n++) {
                long member = members.findByIdentity(Platform.WEB, webUser(n)).orElseThrow().id();
                members.bindIdentity(new PlatformIdentity(Platform.WECHAT_MP, openId(n), member));
            }
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            String base = "http://127.0.0.1:" + port;
            URI endpoint = URI.create(base + "/callback/wechat-mp/" + OaCallbacks.APP_ID);
            AtomicLong msgIds = new AtomicLong(System.currentTimeMillis() * 1000);
            IntFunction<HttpRequest> chat = n -> HttpRequest.newBuilder(URI.create(base + "/api/chat"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + webUser(n) + "\",\"text\":\""
                            + questions.get(n % questions.size()) + "\"}", StandardCharsets.UTF_8))
                    .build();
            IntFunction<HttpRequest> callback = n -> OaCallbacks.request(endpoint, openId(n),
                    questions.get(n % questions.size()), msgIds.incrementAndGet());
            Predicate<String> callbackOk = r -> {
                String reply = OaCallbacks.openReply(r);
                return reply != null && knowledgeAnswer(reply);
            };

            run("warm-up chat", chat, clients, Duration.ofSeconds(Math.max(5, seconds / 2)), WechatCallbackThroughput::knowledgeAnswer);
            run("warm-up wechat-mp", callback, clients, Duration.ofSeconds(Math.max(5, seconds / 2)), callbackOk);
            List<LoadClient.Result> results = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                results.add(run("chat", chat, clients, Duration.ofSeconds(seconds), WechatCallbackThroughput::knowledgeAnswer));
                results.add(run("wechat-mp", callback, clients, Duration.ofSeconds(seconds), callbackOk));
            }

            // The deadline under load: every slowEvery-th callback is the 6-second handler.
            AtomicLong slowSent = new AtomicLong();
            IntFunction<HttpRequest> mixed = n -> {
                if (n % slowEvery == 0) {
                    slowSent.incrementAndGet();
                    return OaCallbacks.request(endpoint, openId(n), SLOW, msgIds.incrementAndGet());
                }
                return callback.apply(n);
            };
            // "success" is the deferred path's answer (slow handler, or a question that missed the budget).
            LoadClient.Result deadline = run("deadline (1 in " + slowEvery + " slow)", mixed, clients, Duration.ofSeconds(seconds),
                    r -> r.equals("success") || callbackOk.test(r));
            long waitUntil = System.nanoTime() + SLOW_FOR.plusSeconds(10).toNanos();
            while (customerServiceSends.get() < slowSent.get() && System.nanoTime() < waitUntil) {
                Thread.sleep(200);
            }
            report(results, deadline, slowSent.get(), customerServiceSends.get(), clients, seconds);
        } finally {
            app.close();
            platform.stop(0);
        }
        // the report is out; a stray non-daemon thread (an HTTP client pool) must not keep the run alive
        System.exit(0);
    }

    /** The first few answers that were not knowledge answers, printed at the end (so an error count can be read). */
    private static final java.util.Queue<String> REFUSED = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * A knowledge answer: an entry with its source, the did-you-mean list, a personal answer from the
     * roster (教代会代表 / 工会小组 / 组长 questions are answered from the member's own record), or the
     * knowledge base's hand-off (a few labelled questions fall below the matcher's threshold; the hand-off
     * is the same path plus a stored question, so it counts as answered).
     */
    static boolean knowledgeAnswer(String text) {
        boolean ok = text.contains("【来源】") || text.contains("您是想问") || text.contains("教代会代表")
                || text.contains("工会小组") || text.contains("暂时答不上来");
        if (!ok && REFUSED.size() < 5) {
            REFUSED.add(text.length() > 200 ? text.substring(0, 200) : text);
        }
        return ok;
    }

    /** The WeChat API as far as this run needs it, on loopback: stable tokens and customer-service sends. */
    private static HttpServer platformStub(AtomicLong customerServiceSends) throws java.io.IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/cgi-bin/stable_token", exchange -> {
            exchange.getRequestBody().readAllBytes();
            answer(exchange, "{\"access_token\":\"BENCH-TOKEN\",\"expires_in\":7200}");
        });
        server.createContext("/cgi-bin/message/custom/send", exchange -> {
            exchange.getRequestBody().readAllBytes();
            customerServiceSends.incrementAndGet();
            answer(exchange, "{\"errcode\":0,\"errmsg\":\"ok\"}");
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return server;
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String json) throws java.io.IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String webUser(int n) {
        int member = n % 200;
        return member == 0 ? "chair" : String.format("t%03d", member);
    }

    private static String openId(int n) {
        return "oBench" + String.format("%05d", n % SENDERS);
    }

    private static final LoadClient LOAD = new LoadClient();

    /** A closed-loop run through {@link LoadClient}, with requests built per call (fresh signatures and MsgIds). */
    static LoadClient.Result run(String name, IntFunction<HttpRequest> requests, int clients, Duration duration,
                                 Predicate<String> validAnswer) throws InterruptedException {
        LoadClient.Result result = LOAD.run(name, requests, clients, duration, validAnswer);
        System.out.printf("%s: %d requests, %d errors, %.0f/s, p50 %.2f ms, p99 %.2f ms, max %.1f ms%n", name,
                result.requests(), result.errors(), result.perSecond(), result.p50Millis(), result.p99Millis(),
                result.maxMillis());
        return result;
    }

    private static void report(List<LoadClient.Result> results, LoadClient.Result deadline, long slowSent, long delivered,
                               int clients, int seconds) {
        System.out.println();
        System.out.printf("## WeChat OA safe-mode knowledge callbacks vs /api/chat — %s, %d cores, %d clients, %d s phases%n",
                LocalDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors(), clients, seconds);
        System.out.println("| phase | requests | errors | req/s | p50 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|---|");
        double chat = 0;
        double mp = 0;
        for (LoadClient.Result r : results) {
            row(r);
            if (r.name().equals("chat")) {
                chat += r.perSecond();
            } else {
                mp += r.perSecond();
            }
        }
        row(deadline);
        REFUSED.forEach(text -> System.out.println("not a knowledge answer: " + text.replace('\n', ' ')));
        System.out.printf("%nwechat-mp/chat throughput ratio: %.2f%n", mp / chat);
        System.out.printf("deadline phase: slowest callback %.1f ms (WeChat gives up at 5000 ms) — %s; "
                        + "%d slow calls, %d deferred answers delivered as customer-service messages%n",
                deadline.maxMillis(), deadline.maxMillis() < 5000 ? "PASSED" : "FAILED", slowSent, delivered);
    }

    private static void row(LoadClient.Result r) {
        System.out.printf("| %s | %d | %d | %.0f | %.2f | %.2f | %.1f |%n", r.name(), r.requests(), r.errors(),
                r.perSecond(), r.p50Millis(), r.p99Millis(), r.maxMillis());
    }
}
