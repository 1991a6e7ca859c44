package org.unionbot.adapter.admin.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.unionbot.adapter.admin.ConsoleTestContext;
import org.unionbot.adapter.admin.ConsoleTestUsers;
import org.unionbot.adapter.admin.ConsoleUser;
import org.unionbot.adapter.admin.InMemoryAuditLog;
import org.unionbot.core.calendar.ReminderService;
import org.unionbot.core.calendar.SeriesStatus;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.notify.Audience;
import org.unionbot.core.notify.Notice;
import org.unionbot.core.notify.Notifier;
import org.unionbot.core.testing.CalendarFixture;
import org.unionbot.core.testing.RecordingChannel;
import org.unionbot.core.testing.RecordingTaskScheduler;

/** The plan page over the core's ReminderService and Notifier with in-memory repositories. */
@SpringBootTest(classes = ConsoleTestContext.class)
@AutoConfigureMockMvc
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlanPageTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    MemberRepository members;
    @Autowired
    ReminderService reminders;
    @Autowired
    Notifier notifier;
    @Autowired
    RecordingChannel web;
    @Autowired
    RecordingTaskScheduler scheduler;
    @Autowired
    InMemoryAuditLog audit;

    ConsoleUser chair() {
        return ConsoleTestUsers.chair(members);
    }

    ConsoleUser committee() {
        return ConsoleTestUsers.committee(members);
    }

    @Test
    @Order(1)
    void theChairUploadsAPlanAndSeesThePerRowReportAndTheTwelveMonthPreview() throws Exception {
        String withBadRow = CalendarFixture.PLAN + """
                  - key: broken
                    title: 坏行
                    date: 每逢星期八
                """;
        mvc.perform(multipart("/admin/plan/upload").file(new MockMultipartFile("file", "plan.yaml", "text/yaml",
                        withBadRow.getBytes(StandardCharsets.UTF_8))).with(csrf()).with(user(chair())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("待审批 5 项，未变 0 项，有问题的行 1 行")))
                .andExpect(content().string(containsString("id=\"load-errors\"")));
        assertThat(reminders.all()).hasSize(5).allSatisfy(s -> assertThat(s.status()).isEqualTo(SeriesStatus.PENDING));
        assertThat(audit.recent(1).get(0).action()).isEqualTo("plan.upload");

        String page = mvc.perform(get("/admin/plan").with(user(committee()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // computed dates: 教师节 on 10 September, 重阳节 (lunar 9/9) 2026 is 18 October
        assertThat(page).contains("教师节慰问").contains("9月10日").contains("10月18日").contains("待审批");
        // 2027 has no holiday notice bundled: those dates are flagged as estimated
        assertThat(page).contains("估算");
    }

    @Test
    @Order(2)
    void onlyTheChairOrACommitteeMemberWithTheRightApprovesOrPauses() throws Exception {
        mvc.perform(get("/admin/plan").with(user(committee())))
                .andExpect(content().string(not(containsString("action=\"/admin/plan/approve\""))))
                .andExpect(content().string(not(containsString("id=\"upload-plan\""))));
        mvc.perform(post("/admin/plan/approve").param("key", "teachers-day").with(csrf()).with(user(committee())))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", containsString("审批提醒")));
        assertThat(reminders.find("teachers-day").orElseThrow().status()).isEqualTo(SeriesStatus.PENDING);
        mvc.perform(multipart("/admin/plan/upload").file(new MockMultipartFile("file", "plan.yaml", "text/yaml",
                "items: []".getBytes(StandardCharsets.UTF_8))).with(csrf()).with(user(committee())))
                .andExpect(flash().attribute("error", containsString("审批提醒")));

        mvc.perform(post("/admin/plan/approve").param("key", "teachers-day").with(csrf()).with(user(chair())))
                .andExpect(flash().attribute("notice", containsString("已批准「教师节慰问」")));
        assertThat(reminders.find("teachers-day").orElseThrow().status()).isEqualTo(SeriesStatus.APPROVED);
        assertThat(scheduler.scheduled().keySet()).anyMatch(k -> k.contains("teachers-day"));
        assertThat(audit.recent(1).get(0).action()).isEqualTo("plan.approve");

        mvc.perform(post("/admin/plan/pause").param("key", "teachers-day").with(csrf()).with(user(chair())))
                .andExpect(flash().attribute("notice", containsString("已暂停")));
        assertThat(reminders.find("teachers-day").orElseThrow().status()).isEqualTo(SeriesStatus.PAUSED);
        assertThat(audit.recent(1).get(0).action()).isEqualTo("plan.pause");
    }

    @Test
    @Order(3)
    void failedDeliveriesAreReportedAndResentOnce() throws Exception {
        String source = "teachers-day|2026-09-10|A7";
        web.failPermanently();
        notifier.send(new Notice(source, List.of(new Audience.Everyone()), LocalDate.of(2026, 9, 10), "教师节慰问提醒",
                false, null, Set.of()));
        assertThat(reminders.report(source).failed()).isEqualTo(3);
        assertThat(reminders.report(source).unreachable()).isEqualTo(1);
        mvc.perform(get("/admin/plan").with(user(committee())))
                .andExpect(content().string(containsString("教师节慰问 2026年9月10日")))
                .andExpect(content().string(containsString("重发失败的")));
        // the dashboard labels the delivery bar with the reminder's title, not the source key
        mvc.perform(get("/admin/dashboard").with(user(committee())))
                .andExpect(content().string(containsString("教师节慰问")))
                .andExpect(content().string(not(containsString(source))));

        web.recover();
        mvc.perform(post("/admin/plan/resend").param("source", source).with(csrf()).with(user(committee())))
                .andExpect(flash().attribute("notice", containsString("已重发 3 人")));
        assertThat(web.sent()).hasSize(3);
        assertThat(reminders.report(source).sent()).isEqualTo(3);
        assertThat(audit.recent(1).get(0).action()).isEqualTo("plan.resend");
        mvc.perform(post("/admin/plan/resend").param("source", source).with(csrf()).with(user(committee())))
                .andExpect(flash().attribute("notice", containsString("没有失败的送达")));
        assertThat(web.sent()).hasSize(3);
    }

    @Test
    @Order(4)
    void aBadFileIsRefusedWithAClearAnswer() throws Exception {
        mvc.perform(multipart("/admin/plan/upload").file(new MockMultipartFile("file", "plan.docx", "application/octet-stream",
                        new byte[] {1, 2, 3})).with(csrf()).with(user(chair())))
                .andExpect(content().string(containsString("只支持 .yaml")));
        mvc.perform(multipart("/admin/plan/upload").file(new MockMultipartFile("file", "plan.xlsx", "application/octet-stream",
                        new byte[] {1, 2, 3})).with(csrf()).with(user(chair())))
                .andExpect(content().string(containsString("文件无法读取")));
        mvc.perform(post("/admin/plan/approve").param("key", "teachers-day").with(user(chair())))
                .andExpect(status().isForbidden());
    }
}
