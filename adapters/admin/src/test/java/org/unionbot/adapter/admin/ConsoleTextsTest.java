package org.unionbot.adapter.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console's message bundle against the code that reads it: a key the code asks for but the bundle
 * lacks fails only when that (often rare) error path runs, so it is caught here instead.
 */
class ConsoleTextsTest {
    private static final Path BUNDLE = Path.of("src/main/resources/org/unionbot/adapter/admin/messages.properties");
    private static final Path SOURCES = Path.of("src/main/java");
    /** {@code ConsoleTexts.get("key"} and {@code ConsoleTexts.get(cond ? "a" : "b"}, possibly over lines. */
    private static final Pattern DIRECT = Pattern.compile("ConsoleTexts\\.get\\(\\s*\"([^\"]+)\"");
    private static final Pattern CHOICE =
            Pattern.compile("ConsoleTexts\\.get\\(\\s*[\\w.()]+\\s*\\?\\s*\"([^\"]+)\"\\s*:\\s*\"([^\"]+)\"");

    @Test
    void everyKeyTheCodeAsksForIsInTheBundleAndNoneIsLeftOver() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                collect(DIRECT.matcher(source), used);
                collect(CHOICE.matcher(source), used);
            }
        }
        Set<String> defined = new TreeSet<>(bundle().stringPropertyNames());
        assertThat(used).isNotEmpty();
        assertThat(defined).containsAll(used);
        assertThat(used).containsAll(defined);
    }

    @Test
    void everyTextIsAValidPatternAndSafeForMessageFormat() throws IOException {
        Properties bundle = bundle();
        for (String key : bundle.stringPropertyNames()) {
            String text = bundle.getProperty(key);
            // A lone ' would silently swallow the rest of a pattern with arguments.
            if (text.contains("{")) {
                assertThat(text).as(key).doesNotContain("'");
            }
            assertThatCode(() -> new MessageFormat(text, Locale.SIMPLIFIED_CHINESE)).as(key).doesNotThrowAnyException();
        }
    }

    @Test
    void argumentsAreFilledInAsWrittenNotGrouped() {
        assertThat(ConsoleTexts.get("knowledge.entry.answerInvalid", 4000)).isEqualTo("答案不能为空，且不超过 4000 个字。");
        assertThat(ConsoleTexts.get("members.import.audit", 1200, 3, 0, 2)).isEqualTo("新增 1200，更新 3，未变 0，错误 2 行");
        assertThat(ConsoleTexts.get("delivery.unit")).isEqualTo(" 人");
        assertThat(ConsoleTexts.get("plan.preview.event", "9月10日（周四）", "每年 9月10日"))
                .isEqualTo("9月10日（周四）（每年 9月10日）");
        // a title is text, never part of the pattern; a poll number is not grouped
        assertThat(ConsoleTexts.get("polls.chart.votesTitle", "It's {0}")).isEqualTo("「It's {0}」各选项票数");
        assertThat(ConsoleTexts.get("polls.create.audit", 1200L, 4, "无记名")).isEqualTo("#1200，投票人 4 人，无记名");
    }

    private static void collect(Matcher matcher, Set<String> into) {
        while (matcher.find()) {
            for (int g = 1; g <= matcher.groupCount(); g++) {
                into.add(matcher.group(g));
            }
        }
    }

    private static Properties bundle() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(BUNDLE, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
