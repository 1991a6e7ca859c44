package org.unionbot.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.unionbot.core.knowledge.KnowledgeBase;
import org.unionbot.core.knowledge.KnowledgeFallback;
import org.unionbot.core.testing.ConversationHarness;
import org.unionbot.core.testing.InMemoryKnowledgeRepository;
import org.unionbot.core.testing.InMemoryUnansweredQuestions;
import org.unionbot.core.testing.Roster;

/**
 * Knowledge answer latency in-process with 1,000 entries, and the time to reload the knowledge base.
 *
 * <p>The 48 default entries are topped up to 1,000 with generated school-union entries (topic × facet,
 * four phrasings each) written as YAML files in a temporary school folder, so the reload measured is the
 * real one: parse every file, build the Lucene index, store the entries. Questions are the labelled set
 * ({@code questions.tsv}). Two latencies: {@code match} (retrieval and the decision alone) and
 * {@code engine} (a whole message through the conversation engine: member resolution, permission check,
 * fallback, rendering), both measured per call with {@link System#nanoTime()} after a warm-up.
 *
 * <p>Run: {@code bench/run-knowledge.sh} (see docs/benchmarks.md).
 */
public final class KnowledgeLatency {
    private static final String[] TOPICS = {"羽毛球赛", "读书沙龙", "春游", "秋游", "师徒结对", "青年教师座谈会", "职称评审",
        "年度考核", "趣味运动会", "拔河比赛", "歌咏比赛", "书法比赛", "摄影展", "健步走", "瑜伽班", "篮球联赛", "乒乓球联赛",
        "象棋比赛", "教工合唱团", "新年联欢会", "暑期疗休养", "心理健康讲座", "法律知识讲座", "安全培训", "消防演练",
        "教工食堂", "班车", "停车位", "午休室", "母婴室", "图书角", "健身房", "会员卡", "电影票", "生日会", "读书打卡",
        "志愿服务", "结对帮扶", "金秋助学", "爱心捐款"};
    private static final String[][] FACETS = {
        {"time", "什么时候", "{0}什么时候举行", "{0}是哪天", "{0}几号开始", "今年{0}安排在什么时间"},
        {"place", "在哪里", "{0}在哪里", "{0}的地点在哪", "去哪里参加{0}", "{0}在哪个场地"},
        {"signup", "怎么报名", "{0}怎么报名", "{0}报名找谁", "想参加{0}怎么办", "{0}在哪报名"},
        {"deadline", "报名截止", "{0}报名截止到哪天", "{0}还能报名吗", "{0}最晚哪天报", "{0}报名什么时候结束"},
        {"who", "谁能参加", "{0}谁可以参加", "退休老师能参加{0}吗", "{0}有名额限制吗", "{0}对参加的人有要求吗"},
        {"cost", "费用", "{0}要不要交钱", "{0}费用谁出", "{0}自费吗", "{0}工会补贴多少"},
        {"bring", "要准备什么", "{0}要带什么", "{0}需要准备什么", "参加{0}要穿什么", "{0}有什么注意事项"},
        {"contact", "联系人", "{0}找谁联系", "{0}负责人是谁", "{0}有问题问谁", "{0}的组织者是谁"},
        {"result", "结果", "{0}结果什么时候出", "{0}的获奖名单", "{0}结果在哪看", "{0}评出来了吗"},
        {"leave", "请假", "{0}那天能请假吗", "参加{0}算不算工作量", "{0}占用上课时间怎么办", "{0}要调课吗"},
        {"cancel", "取消", "{0}下雨会取消吗", "{0}延期了吗", "{0}改时间了吗", "{0}还办不办"},
        {"photo", "照片", "{0}的照片在哪看", "{0}有视频吗", "{0}照片能下载吗", "{0}的报道在哪"},
        {"team", "组队", "{0}怎么组队", "{0}按组参加吗", "{0}每组几个人", "{0}可以跨组组队吗"},
        {"prize", "奖品", "{0}有奖品吗", "{0}奖励是什么", "{0}发奖状吗", "{0}前三名奖什么"},
        {"rule", "规则", "{0}的规则是什么", "{0}怎么比", "{0}怎么评分", "{0}有什么规定"},
        {"food", "餐饮", "{0}管饭吗", "{0}中午吃什么", "{0}有没有水和点心", "{0}要自己带午饭吗"},
        {"bus", "交通", "{0}怎么去", "{0}有车接送吗", "{0}几点集合", "{0}在哪集合"},
        {"family", "家属", "{0}能带家属吗", "{0}孩子能去吗", "{0}家属要交钱吗", "{0}可以带爱人吗"},
        {"record", "记录", "{0}算不算考核加分", "{0}有证书吗", "{0}记入档案吗", "{0}计学时吗"},
        {"feedback", "意见", "对{0}有意见找谁", "{0}办得怎么样反馈给谁", "{0}的建议怎么提", "{0}满意度调查在哪填"},
        {"online", "线上", "{0}能线上参加吗", "{0}有直播吗", "{0}能在手机上看吗", "{0}有回放吗"},
        {"times", "次数", "{0}一年几次", "{0}多久办一次", "{0}每学期都有吗", "{0}是固定的吗"},
        {"size", "规模", "{0}多少人参加", "{0}名额多少", "{0}报满了吗", "{0}还有空位吗"},
        {"insurance", "保险", "{0}有保险吗", "{0}受伤了怎么办", "{0}出意外谁负责", "{0}要签安全协议吗"},
    };

    private KnowledgeLatency() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path questionsFile = Path.of("bot-core/src/test/resources/org/unionbot/core/knowledge/questions.tsv");
        List<String> questions = Files.readAllLines(questionsFile, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t", 2)[1]).toList();

        Path dir = Files.createTempDirectory("unionbot-knowledge-bench");
        try (ConversationHarness harness = ConversationHarness.create()) {
            KnowledgeBase knowledge = new KnowledgeBase(new InMemoryKnowledgeRepository(), harness.messages, dir,
                    Map.of(), KnowledgeBase.Thresholds.DEFAULT);
            int defaults = knowledge.reload().entries();
            int generated = writeGenerated(dir, entries - defaults);

            long[] reloads = new long[5];
            KnowledgeBase.ReloadReport report = null;
            for (int i = 0; i < reloads.length; i++) {
                report = knowledge.reload();
                reloads[i] = report.took().toNanos();
            }
            if (!report.applied()) {
                throw new IllegalStateException("generated knowledge did not load: " + report.problems());
            }
            System.out.printf("entries: %d (%d default + %d generated), questions: %d, rounds: %d%n",
                    report.entries(), defaults, generated, questions.size(), rounds);
            Arrays.sort(reloads);
            System.out.printf("reload (parse %d files, index, store): median %.0f ms, min %.0f ms, max %.0f ms%n",
                    Files.list(dir).count() + 9, reloads[2] / 1e6, reloads[0] / 1e6, reloads[4] / 1e6);

            harness.withFallback(new KnowledgeFallback(knowledge, harness.members, new InMemoryUnansweredQuestions(),
                    harness.state, harness.outbound, harness.messages, harness.clock));
            Roster.smallSchool(harness);

            for (int i = 0; i < 5; i++) { // warm-up
                for (String q : questions) {
                    knowledge.match(q);
                    harness.as("c001").send(q);
                }
            }
            List<Long> match = new ArrayList<>();
            List<Long> engine = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                for (String q : questions) {
                    long t0 = System.nanoTime();
                    knowledge.match(q);
                    long t1 = System.nanoTime();
                    harness.as("c001").send(q);
                    long t2 = System.nanoTime();
                    match.add(t1 - t0);
                    engine.add(t2 - t1);
                }
            }
            print("match ", match);
            print("engine", engine);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private static void print(String what, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%s latency over %d calls: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", what, sorted.length,
                sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    /** Writes {@code count} generated entries, one file per topic, as a school would keep them. */
    private static int writeGenerated(Path dir, int count) throws IOException {
        int written = 0;
        for (int t = 0; t < TOPICS.length && written < count; t++) {
            StringBuilder yaml = new StringBuilder("entries:\n");
            for (String[] facet : FACETS) {
                if (written == count) {
                    break;
                }
                String topic = TOPICS[t];
                yaml.append("  - id: gen-").append(t).append('-').append(facet[0]).append('\n')
                        .append("    title: ").append(topic).append(facet[1]).append('\n')
                        .append("    category: 活动\n    source: 本校工会").append(topic).append("通知\n")
                        .append("    questions:\n");
                for (int i = 2; i < facet.length; i++) {
                    yaml.append("      - ").append(facet[i].replace("{0}", topic)).append('\n');
                }
                yaml.append("    answer: 关于").append(topic).append("的").append(facet[1])
                        .append("，以工会通知为准：${gen.").append(t).append('.').append(facet[0]).append("}。\n");
                written++;
            }
            Files.writeString(dir.resolve(String.format("gen-%02d.yml", t)), yaml, StandardCharsets.UTF_8);
        }
        return written;
    }
}
