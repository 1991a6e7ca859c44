package org.unionbot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.unionbot.app.UnionBotApplication;
import org.unionbot.core.engine.ConversationEngine;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.message.InboundMessage;
import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;

/**
 * Suggestions, care cases and proposals through the application's engine on the embedded MariaDB with
 * the demo school (200 members): latency of one anonymous submission (draft + 确认提交), of the
 * committee's 建议列表 with every suggestion open, of a care report (which also writes a Quartz
 * trigger), and of a proposal submission. Single-threaded and sequential: these are the costs one
 * teacher sees, not a load test. Argument: [suggestions, default 600].
 */
public final class FeedbackBench {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        Path data = Files.createTempDirectory("unionbot-feedback-bench");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(UnionBotApplication.class)
                .run("--server.port=0", "--unionbot.data-dir=" + data, "--logging.level.root=WARN",
                        "--unionbot.feedback.daily-limit=1000000",
                        "--unionbot.feedback.rate-secret=bench-secret-0123456789");
        try {
            ConversationEngine engine = app.getBean(ConversationEngine.class);
            MemberRepository members = app.getBean(MemberRepository.class);
            List<String> teachers = new ArrayList<>();
            for (Member m : members.findAll()) {
                if (!m.staffNo().equals("T000")) {
                    teachers.add(m.staffNo().toLowerCase(java.util.Locale.ROOT));
                }
            }
            List<String> delegates = members.findByRole(UnionRole.DELEGATE).stream()
                    .map(m -> m.staffNo().equals("T000") ? "chair" : m.staffNo().toLowerCase(java.util.Locale.ROOT)).toList();

            // warm-up: JIT, connection pool, statement caches
            for (int i = 0; i < 50; i++) {
                String t = teachers.get(i % teachers.size());
                say(engine, t, "匿名建议 预热 " + i);
                say(engine, t, "确认提交");
            }

            List<Long> submit = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String t = teachers.get(i % teachers.size());
                submit.add(time(() -> {
                    say(engine, t, "匿名建议 第" + t + "号老师的第" + Instant.now().toEpochMilli() + "条建议：希望改进排课");
                    return say(engine, t, "确认提交");
                }, "已匿名收到"));
            }
            List<Long> list = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                list.add(time(() -> say(engine, "chair", "建议列表"), "待处理的意见建议"));
            }
            List<Long> care = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String t = teachers.get(i % teachers.size());
                care.add(time(() -> say(engine, t, "慰问 住院 本人 阑尾炎手术"), "谢谢您告诉工会"));
            }
            say(engine, "chair", "提案征集 9 9 2099-12-31");
            List<Long> proposal = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String d = delegates.get(i % delegates.size());
                proposal.add(time(() -> say(engine, d, "提案 增设休息室" + Instant.now().toEpochMilli()
                        + "；课间无处休息；利用空教室"), "号提案"));
            }
            System.out.printf("processors=%d, maxMemory=%d MB%n", Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);
            report("anonymous suggestion (建议 + 确认提交)", submit);
            report("建议列表 with " + (count + 50) + " open", list);
            report("care report (慰问, incl. Quartz trigger)", care);
            report("proposal submission (提案)", proposal);
        } finally {
            app.close();
        }
    }

    private static String say(ConversationEngine engine, String user, String text) {
        Reply reply = engine.handle(InboundMessage.privateText(Platform.WEB, user, text, null, Instant.now()));
        return reply instanceof Reply.Say s ? s.text() : reply.toString();
    }

    private static long time(Supplier<String> action, String expected) {
        long start = System.nanoTime();
        String answer = action.get();
        long micros = (System.nanoTime() - start) / 1000;
        if (!answer.contains(expected)) {
            throw new IllegalStateException("unexpected answer: " + answer);
        }
        return micros;
    }

    private static void report(String what, List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf("%-45s n=%4d  p50=%7.2f ms  p95=%7.2f ms  max=%7.2f ms%n", what, sorted.size(),
                sorted.get(sorted.size() / 2) / 1000.0, sorted.get((int) (sorted.size() * 0.95)) / 1000.0,
                sorted.get(sorted.size() - 1) / 1000.0);
    }
}
