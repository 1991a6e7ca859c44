package org.unionbot.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.unionbot.app.UnionBotApplication;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.PlatformIdentity;
import org.unionbot.core.message.Platform;

/**
 * WeChat Official Account safe-mode callbacks next to {@code /api/chat}, in the same JVM and run, with
 * the same closed-loop client for both.
 *
 * <p>The app runs on its embedded default with the demo school and one Official Account configured.
 * 500 senders (openids) are bound to the 200 demo members before the run. Every callback is what WeChat
 * would send: a distinct MsgId (a repeated one would be a cheap duplicate), a fresh timestamp and nonce,
 * the message AES-encrypted and signed with msg_signature; the answer must be an encrypted passive reply
 * (or "success"). Texts alternate 帮助 and 我是谁 (a member lookup in the database), as the chat phases do.
 * Phases alternate after a warm-up. The slowest callback of the OA phases is reported: WeChat's 5-second
 * deadline must never be passed.
 *
 * <p>Arguments: [seconds per phase, default 15] [clients, default 32].
 */
public final class WechatCallbackThroughput {
    private static final String APP_ID = "wxbench0000000001";
    private static final String TOKEN = "benchToken";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String[] TEXTS = {"帮助", "我是谁"};
    private static final int SENDERS = 500;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        Path data = Files.createTempDirectory("unionbot-bench");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(UnionBotApplication.class)
                .run("--server.port=0", "--unionbot.data-dir=" + data, "--logging.level.root=WARN",
                        "--server.tomcat.threads.max=64",
                        "--unionbot.wechat-mp.accounts[0].app-id=" + APP_ID,
                        "--unionbot.wechat-mp.accounts[0].secret=bench-secret",
                        "--unionbot.wechat-mp.accounts[0].token=" + TOKEN,
                        "--unionbot.wechat-mp.accounts[0].aes-key=" + AES_KEY,
                        // no outbound call is expected; if one happens it must not leave the machine
                        "--unionbot.wechat-mp.api-base-url=http://127.0.0.1:9");
        try {
            MemberRepository members = app.getBean(MemberRepository.class);
            for (int n = 0; n < SENDERS; n++) {
                long member = members.findByIdentity(Platform.WEB, webUser(n)).orElseThrow().id();
                members.bindIdentity(new PlatformIdentity(Platform.WECHAT_MP, openId(n), member));
            }
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            String base = "http://127.0.0.1:" + port;
            AtomicLong msgIds = new AtomicLong(System.currentTimeMillis() * 1000);
            IntFunction<HttpRequest> chat = n -> HttpRequest.newBuilder(URI.create(base + "/api/chat"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + webUser(n) + "\",\"text\":\"" + TEXTS[n % 2] + "\"}"))
                    .build();
            IntFunction<HttpRequest> callback = n -> callback(base, n, msgIds.incrementAndGet());
            Predicate<String> chatOk = r -> r.contains("我能帮您做这些事") || r.contains("老师，您好");
            Predicate<String> callbackOk = r -> r.startsWith("<xml><Encrypt>");

            run("warm-up chat", chat, clients, Duration.ofSeconds(Math.max(5, seconds / 2)), chatOk);
            run("warm-up wechat-mp", callback, clients, Duration.ofSeconds(Math.max(5, seconds / 2)), callbackOk);
            List<LoadClient.Result> results = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                results.add(run("chat", chat, clients, Duration.ofSeconds(seconds), chatOk));
                results.add(run("wechat-mp", callback, clients, Duration.ofSeconds(seconds), callbackOk));
            }
            report(results, clients, seconds);
        } finally {
            app.close();
        }
    }

    private static String webUser(int n) {
        int member = n % 200;
        return member == 0 ? "chair" : String.format("t%03d", member);
    }

    private static String openId(int n) {
        return "oBench" + String.format("%05d", n % SENDERS);
    }

    /** The POST WeChat sends in safe mode, built from the documented algorithm. */
    private static HttpRequest callback(String base, int n, long msgId) {
        try {
            String ts = Long.toString(System.currentTimeMillis() / 1000);
            String nonce = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
            String xml = "<xml><ToUserName><![CDATA[gh_bench]]></ToUserName><FromUserName><![CDATA[" + openId(n)
                    + "]]></FromUserName><CreateTime>" + ts + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA["
                    + TEXTS[n % 2] + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
            String encrypted = encrypt(xml);
            String query = "signature=" + sha1(TOKEN, ts, nonce) + "&timestamp=" + ts + "&nonce=" + nonce + "&openid=" + openId(n)
                    + "&encrypt_type=aes&msg_signature=" + sha1(TOKEN, ts, nonce, encrypted);
            return HttpRequest.newBuilder(URI.create(base + "/callback/wechat-mp/" + APP_ID + "?" + query))
                    .header("Content-Type", "text/xml").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("<xml><ToUserName><![CDATA[gh_bench]]></ToUserName><Encrypt><![CDATA["
                            + encrypted + "]]></Encrypt></xml>", StandardCharsets.UTF_8))
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha1(String... parts) throws Exception {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
    }

    private static String encrypt(String message) throws Exception {
        byte[] key = Base64.getDecoder().decode(AES_KEY + "=");
        byte[] msg = message.getBytes(StandardCharsets.UTF_8);
        byte[] id = APP_ID.getBytes(StandardCharsets.UTF_8);
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        int length = 20 + msg.length + id.length;
        int pad = 32 - length % 32;
        ByteBuffer buffer = ByteBuffer.allocate(length + pad).put(random).putInt(msg.length).put(msg).put(id);
        while (buffer.hasRemaining()) {
            buffer.put((byte) pad);
        }
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
        return Base64.getEncoder().encodeToString(cipher.doFinal(buffer.array()));
    }

    private static final LoadClient LOAD = new LoadClient();

    /** A closed-loop run through {@link LoadClient}, with requests built per call (fresh signatures and MsgIds). */
    private static LoadClient.Result run(String name, IntFunction<HttpRequest> requests, int clients, Duration duration,
                                         Predicate<String> validAnswer) throws InterruptedException {
        LoadClient.Result result = LOAD.run(name, requests, clients, duration, validAnswer);
        System.out.printf("%s: %d requests, %d errors, %.0f/s, p50 %.2f ms, p99 %.2f ms, max %.1f ms%n", name,
                result.requests(), result.errors(), result.perSecond(), result.p50Millis(), result.p99Millis(),
                result.maxMillis());
        return result;
    }

    private static void report(List<LoadClient.Result> results, int clients, int seconds) {
        System.out.println();
        System.out.printf("## WeChat OA safe-mode callbacks vs /api/chat — %s, %d cores, %d clients, %d s phases%n",
                LocalDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors(), clients, seconds);
        System.out.println("| phase | requests | errors | req/s | p50 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|---|");
        double chat = 0;
        double mp = 0;
        double slowestCallback = 0;
        for (LoadClient.Result r : results) {
            System.out.printf("| %s | %d | %d | %.0f | %.2f | %.2f | %.1f |%n", r.name(), r.requests(), r.errors(),
                    r.perSecond(), r.p50Millis(), r.p99Millis(), r.maxMillis());
            if (r.name().equals("chat")) {
                chat += r.perSecond();
            } else {
                mp += r.perSecond();
                slowestCallback = Math.max(slowestCallback, r.maxMillis());
            }
        }
        System.out.printf("%nwechat-mp/chat throughput ratio: %.2f; slowest callback %.1f ms (WeChat's deadline: 5000 ms)%n",
                mp / chat, slowestCallback);
    }
}
