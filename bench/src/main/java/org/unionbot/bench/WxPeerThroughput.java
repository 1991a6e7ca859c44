package org.unionbot.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Drives the WxJava demo peer ({@code binarywang/weixin-java-mp-demo}, built and started by
 * {@code bench/run-wx-peer.sh}) with the very callbacks {@link WechatCallbackThroughput} sends this
 * application: same {@link OaCallbacks} builder, same questions, same {@link LoadClient}, same phases.
 *
 * <p>The peer's handler echoes the message as JSON (no knowledge lookup, no database), so its figures
 * are WxJava's protocol path alone — signature check, decryption, XStream parsing, routing, encryption —
 * an upper bound to set ours against, not a like-for-like answer. A callback counts as an error unless its
 * reply decrypts (receive id checked) to a passive text reply. Questions starting with 你好 or 客服 are
 * left out: the demo would then call the real WeChat API (kfOnlineList).
 *
 * <p>Arguments: endpoint (e.g. {@code http://127.0.0.1:18081/wx/portal/wxbench0000000001}) [seconds, 15] [clients, 32].
 */
public final class WxPeerThroughput {
    private WxPeerThroughput() {
    }

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        List<String> questions = OaCallbacks.knowledgeQuestions().stream()
                .filter(q -> !q.startsWith("你好") && !q.startsWith("客服")).toList();
        AtomicLong msgIds = new AtomicLong(System.currentTimeMillis() * 1000);
        IntFunction<HttpRequest> callback = n -> OaCallbacks.request(endpoint, String.format("oBench%05d", n % 500),
                questions.get(n % questions.size()), msgIds.incrementAndGet());
        Predicate<String> ok = r -> {
            String reply = OaCallbacks.openReply(r);
            return reply != null && reply.contains("<MsgType><![CDATA[text]]></MsgType>");
        };
        // Longer than ours: the peer's first callbacks (class loading, XStream set-up) took ~6 s each in the check run.
        WechatCallbackThroughput.run("warm-up wxjava-demo", callback, clients, Duration.ofSeconds(Math.max(10, seconds)), ok);
        List<LoadClient.Result> results = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            results.add(WechatCallbackThroughput.run("wxjava-demo", callback, clients, Duration.ofSeconds(seconds), ok));
        }
        System.out.println();
        System.out.printf("## WxJava demo peer, safe-mode callbacks — %s, %d cores, %d clients, %d s phases%n",
                LocalDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors(), clients, seconds);
        System.out.println("| phase | requests | errors | req/s | p50 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (LoadClient.Result r : results) {
            System.out.printf("| %s | %d | %d | %.0f | %.2f | %.2f | %.1f |%n", r.name(), r.requests(), r.errors(),
                    r.perSecond(), r.p50Millis(), r.p99Millis(), r.maxMillis());
        }
    }
}
