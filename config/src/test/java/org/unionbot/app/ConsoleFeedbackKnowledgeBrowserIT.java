package org.unionbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.unionbot.adapter.admin.e2e.ConsoleBrowser;
import org.unionbot.adapter.web.WebInbox;
import org.unionbot.adapter.web.WebInboxEntry;
import org.unionbot.core.console.AuditLog;
import org.unionbot.core.feedback.Suggestion;
import org.unionbot.core.feedback.SuggestionMode;
import org.unionbot.core.feedback.SuggestionRepository;
import org.unionbot.core.feedback.SuggestionStatus;
import org.unionbot.core.knowledge.KnowledgeBase;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.PlatformIdentity;
import org.unionbot.core.message.Platform;

/**
 * Phase 2b end to end: the real application on the test database and a real headless Chromium. The
 * chair logs in, assigns and answers a named suggestion (the sender, bound to the web chat, finds the
 * answer in their web inbox), adds and then edits a knowledge entry and tests a question against it,
 * and views the channels page. Fields are found by their labels; the answer is sent with the keyboard.
 * Screenshots in adapters/admin/target/e2e-screenshots.
 */
class ConsoleFeedbackKnowledgeBrowserIT {

    @Test
    void theChairAnswersASuggestionEditsKnowledgeTestsAQuestionAndViewsChannels(@TempDir Path dir) throws Exception {
        Path roster = dir.resolve("roster.xlsx");
        ConsoleSession.xlsx(roster, new String[][] {{"姓名", "工号", "性别", "角色", "工会小组"}, {"许静", "E2E0", "女", "主席", "行政组"},
                {"韩磊", "E2E1", "男", "", "体育组"}});

        try (ConsoleSession session = ConsoleSession.start(roster)) {
            var app = session.app();
            ConsoleBrowser browser = session.browser();
            MemberRepository members = app.getBean(MemberRepository.class);
            long hanlei = members.findByStaffNo("E2E1").orElseThrow().id();
            members.bindIdentity(new PlatformIdentity(Platform.WEB, "e2e-hanlei", hanlei));
            // A named suggestion as the chat stores it (the tracking code's hash is opaque here).
            app.getBean(SuggestionRepository.class).insert(new Suggestion(912345678L, "482913",
                    "a".repeat(64), SuggestionMode.NAMED, hanlei, LocalDate.now(), Instant.now(), "体育馆晚上能否对教工开放",
                    SuggestionStatus.RECEIVED, null, null, null, null, null, null, null));

            session.loginAsAdmin();
            assertThat(browser.text()).contains("意见建议", "提案", "慰问", "知识库", "渠道");

            browser.open("/admin/suggestions");
            assertThat(browser.text()).contains("482913", "韩磊", "体育馆晚上能否对教工开放");
            browser.screenshot("2b-suggestions-inbox");
            browser.open("/admin/suggestions/482913");
            new org.openqa.selenium.support.ui.Select(browser.field("指派给")).selectByValue("E2E0");
            browser.press("指派");
            assertThat(browser.text()).contains("许静");
            browser.field("答复").sendKeys("每周二、四晚上 18:00-21:00 对教工开放。");
            // Keyboard only: Tab from the answer box to its button, Enter to send.
            browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
            browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                    .until(d -> d.findElement(org.openqa.selenium.By.tagName("body")).getText().contains("并已通知"));
            browser.screenshot("2b-suggestion-answered");
            List<WebInboxEntry> inbox = app.getBean(WebInbox.class).take("e2e-hanlei");
            assertThat(inbox).anySatisfy(e -> assertThat(e.content().toString()).contains("18:00-21:00"));

            browser.open("/admin/knowledge/entry");
            browser.field("标题").sendKeys("教工健身房开放时间");
            browser.field("问法").sendKeys("健身房几点开门");
            browser.field("答案").sendKeys("工作日 17:00-20:00 开放。");
            browser.field("分类").sendKeys("文体");
            browser.field("出处").sendKeys("工会文体活动安排（2026）");
            browser.press("保存并生效");
            assertThat(browser.text()).contains("已保存");
            browser.field("答案").clear();
            browser.field("答案").sendKeys("工作日 18:00-21:00 开放，周末关闭。");
            browser.press("保存并生效");
            assertThat(browser.text()).contains("已保存");
            browser.screenshot("2b-knowledge-entry-edited");
            assertThat(app.getBean(KnowledgeBase.class).match("健身房几点开门").best().orElseThrow().entry().answer())
                    .isEqualTo("工作日 18:00-21:00 开放，周末关闭。");

            browser.open("/admin/knowledge");
            browser.field("会员的问题").sendKeys("健身房几点开门");
            browser.press("看看机器人怎么答");
            assertThat(browser.text()).contains("直接回答", "18:00-21:00", "工会文体活动安排（2026）");
            browser.screenshot("2b-knowledge-test-question");

            browser.open("/admin/channels");
            assertThat(browser.text()).contains("网页聊天", "最近的错误");
            browser.screenshot("2b-channels");

            assertThat(app.getBean(AuditLog.class).recent(20)).extracting(e -> e.action())
                    .contains("suggestion.assign", "suggestion.answer", "knowledge.create", "knowledge.update");
        }
    }
}
