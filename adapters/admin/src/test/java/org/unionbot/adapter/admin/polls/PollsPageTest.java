package org.unionbot.adapter.admin.polls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.unionbot.adapter.admin.ConsoleRole;
import org.unionbot.adapter.admin.ConsoleTestContext;
import org.unionbot.adapter.admin.ConsoleTestUsers;
import org.unionbot.adapter.admin.ConsoleUser;
import org.unionbot.adapter.admin.InMemoryAuditLog;
import org.unionbot.core.console.AuditEntry;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.poll.Choices;
import org.unionbot.core.poll.Poll;
import org.unionbot.core.poll.PollService;
import org.unionbot.core.poll.VoteOutcome;
import org.unionbot.core.testing.ConversationHarness;

/** The polls page over the core's PollService with in-memory repositories. */
@SpringBootTest(classes = ConsoleTestContext.class)
@AutoConfigureMockMvc
@DirtiesContext
class PollsPageTest {
    private static final Pattern TOKEN = Pattern.compile("name=\"previewed\" value=\"([0-9a-f]+)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    MemberRepository members;
    @Autowired
    PollService polls;
    @Autowired
    InMemoryAuditLog audit;
    @Autowired
    ConversationHarness harness;

    ConsoleUser chair() {
        return ConsoleTestUsers.chair(members);
    }

    ConsoleUser committee() {
        return ConsoleTestUsers.committee(members);
    }

    Member member(String staffNo) {
        return members.findByStaffNo(staffNo).orElseThrow();
    }

    static MockHttpServletRequestBuilder form(String title, String... overrides) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("kind", "SINGLE");
        fields.put("options", "苏州\n杭州\n黄山");
        fields.put("electorateType", "ALL");
        fields.put("secret", "false");
        fields.put("deadline", "3天");
        fields.put("allowChange", "true");
        fields.put("visibility", "LIVE");
        fields.put("quorum", "2/3");
        fields.put("thresholdBasis", "CAST");
        fields.put("threshold", "过半数");
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder b = post("/admin/polls/new").with(csrf()).param("title", title);
        fields.forEach(b::param);
        return b;
    }

    /** Previews, then confirms exactly what was previewed; returns the new poll. */
    Poll create(ConsoleUser as, String title, String... extra) throws Exception {
        String page = mvc.perform(form(title, extra).with(user(as)).param("action", "preview"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("预览（尚未发起）")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher m = TOKEN.matcher(page);
        assertThat(m.find()).as("the preview carries its token").isTrue();
        // the preview fixed the relative deadline: confirm with the absolute one it shows
        Matcher deadline = Pattern.compile("value=\"(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2})\"").matcher(page);
        assertThat(deadline.find()).isTrue();
        String[] confirmed = java.util.Arrays.copyOf(extra, extra.length + 2);
        confirmed[extra.length] = "deadline";
        confirmed[extra.length + 1] = deadline.group(1);
        String location = mvc.perform(form(title, confirmed).with(user(as)).param("action", "open")
                        .param("previewed", m.group(1)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        return polls.find(id).orElseThrow();
    }

    @Test
    void aCommitteeMemberPreviewsThenOpensAPollWithEveryChatOption() throws Exception {
        int before = polls.repository().recent(100).size();
        mvc.perform(form("春游地点", "channels", "全体教职工群").with(user(committee())).param("action", "preview"))
                .andExpect(content().string(containsString("通过：投票过半数")))
                .andExpect(content().string(containsString("投票人共 4 人")));
        assertThat(polls.repository().recent(100)).hasSize(before);

        Poll poll = create(committee(), "春游地点", "channels", "全体教职工群", "secret", "true",
                "visibility", "AFTER_CLOSE");
        assertThat(poll.spec().options()).containsExactly("苏州", "杭州", "黄山");
        assertThat(poll.secret()).isTrue();
        assertThat(poll.spec().quorum().numerator()).isEqualTo(2);
        assertThat(poll.spec().threshold().strict()).isTrue();
        assertThat(poll.createdBy()).isEqualTo(member("T002").id());
        AuditEntry entry = audit.recent(1).get(0);
        assertThat(entry.actor()).isEqualTo("li");
        assertThat(entry.action()).isEqualTo("poll.create");
        assertThat(entry.detail()).contains("#" + poll.id()).contains("无记名");
        assertThat(harness.outbound.sent()).anySatisfy(s -> assertThat(s.reply().text()).contains("春游地点"));
    }

    @Test
    void confirmingAFormThatChangedSinceThePreviewOnlyPreviewsAgain() throws Exception {
        int before = polls.repository().recent(100).size();
        mvc.perform(form("食堂满意度").with(user(committee())).param("action", "open").param("previewed", "0000"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("表单在预览后有改动")));
        assertThat(polls.repository().recent(100)).hasSize(before);
    }

    @Test
    void aWrongFormIsAnsweredInChineseAndOpensNothing() throws Exception {
        int before = polls.repository().recent(100).size();
        mvc.perform(form("只有一个选项", "options", "苏州").with(user(committee())).param("action", "preview"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("至少两个选项")));
        mvc.perform(form("坏截止", "deadline", "下周").with(user(committee())).param("action", "preview"))
                .andExpect(content().string(containsString("截止时间应写成")));
        mvc.perform(form("坏规则", "quorum", "3/2").with(user(committee())).param("action", "preview"))
                .andExpect(content().string(containsString("分数应在 0 到 1 之间")));
        mvc.perform(form("空小组", "electorateType", "GROUP", "electorateValue", "没有这个组").with(user(committee()))
                        .param("action", "preview"))
                .andExpect(content().string(containsString("找不到任何在职会员")));
        assertThat(polls.repository().recent(100)).hasSize(before);
    }

    @Test
    void aSecretPollCannotShowItsTallyLiveNeitherWhenOpenedNorWhenEdited() throws Exception {
        int before = polls.repository().recent(100).size();
        for (String action : List.of("preview", "open")) {
            mvc.perform(form("无记名实时", "secret", "true", "visibility", "LIVE").with(user(committee()))
                            .param("action", action))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("无记名投票不能实时公布结果")))
                    .andExpect(content().string(not(containsString("预览（尚未发起）"))));
        }
        assertThat(polls.repository().recent(100)).hasSize(before);

        Poll secret = create(committee(), "无记名结束后", "secret", "true", "visibility", "AFTER_CLOSE");
        String deadline = PollFormFields.DEADLINE.withZone(polls.zone()).format(secret.spec().deadline());
        mvc.perform(post("/admin/polls/" + secret.id() + "/edit").with(csrf()).with(user(committee()))
                        .param("title", "无记名结束后").param("kind", "SINGLE").param("options", "苏州\n杭州")
                        .param("deadline", deadline).param("visibility", "LIVE").param("allowChange", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("无记名投票不能实时公布结果")));
        assertThat(polls.find(secret.id()).orElseThrow().spec().visibility()).isEqualTo(
                org.unionbot.core.poll.Visibility.AFTER_CLOSE);
    }

    @Test
    void turnoutNamesNonVotersOfANamedPollAndOnlyCountsASecretOne() throws Exception {
        Poll named = create(chair(), "记名投票");
        polls.vote(named.id(), member("T001"), new Choices(List.of(1)), null);
        mvc.perform(get("/admin/polls/" + named.id()).with(user(committee())))
                .andExpect(content().string(containsString("已投 1 人 / 应投 4 人（25%）")))
                .andExpect(content().string(containsString("李强、张敏、赵磊")))
                .andExpect(content().string(containsString("<svg")));
        Poll secret = create(chair(), "无记名投票", "secret", "true", "visibility", "AFTER_CLOSE");
        polls.vote(secret.id(), member("T001"), new Choices(List.of(2)), null);
        mvc.perform(get("/admin/polls/" + secret.id()).with(user(committee())))
                .andExpect(content().string(containsString("已投 1 人 / 应投 4 人")))
                .andExpect(content().string(not(containsString("李强、张敏、赵磊"))))
                .andExpect(content().string(containsString("只显示人数")));
        mvc.perform(get("/admin/polls").with(user(committee())))
                .andExpect(content().string(containsString("记名投票"))).andExpect(content().string(containsString("25%")))
                .andExpect(content().string(containsString("id=\"open-polls\"")))
                .andExpect(content().string(containsString("还没有已结束的投票。")))
                .andExpect(content().string(not(containsString("id=\"closed-polls\""))));
        polls.close(secret.id(), member("T003").id());
        mvc.perform(get("/admin/polls").with(user(committee())))
                .andExpect(content().string(containsString("id=\"closed-polls\"")))
                .andExpect(content().string(containsString("<caption class=\"sr-only\">已结束的投票</caption>")))
                .andExpect(content().string(not(containsString("还没有已结束的投票。"))));
    }

    @Test
    void aPollIsEditedUntilItsFirstVoteAndOnlyByItsCreatorOrTheChair() throws Exception {
        Poll poll = create(committee(), "改前标题");
        String deadline = PollFormFields.DEADLINE.withZone(polls.zone()).format(poll.spec().deadline());
        mvc.perform(post("/admin/polls/" + poll.id() + "/edit").with(csrf()).with(user(committee()))
                        .param("title", "改后标题").param("kind", "SINGLE").param("options", "苏州\n杭州")
                        .param("deadline", deadline).param("visibility", "LIVE").param("allowChange", "true")
                        // ignored: who votes and secrecy are fixed once open
                        .param("secret", "true").param("electorateType", "DELEGATES"))
                .andExpect(status().is3xxRedirection());
        Poll edited = polls.find(poll.id()).orElseThrow();
        assertThat(edited.title()).isEqualTo("改后标题");
        assertThat(edited.spec().options()).containsExactly("苏州", "杭州");
        assertThat(edited.secret()).isFalse();
        assertThat(audit.recent(1).get(0).action()).isEqualTo("poll.edit");

        polls.vote(poll.id(), member("T001"), new Choices(List.of(1)), null);
        mvc.perform(get("/admin/polls/" + poll.id()).with(user(committee())))
                .andExpect(content().string(not(containsString("id=\"edit-poll\""))));
        mvc.perform(post("/admin/polls/" + poll.id() + "/edit").with(csrf()).with(user(committee()))
                        .param("title", "再改").param("kind", "SINGLE").param("options", "a\nb").param("deadline", deadline))
                .andExpect(status().is3xxRedirection());
        assertThat(polls.find(poll.id()).orElseThrow().title()).isEqualTo("改后标题");

        Poll chairs = create(chair(), "主席的投票");
        mvc.perform(post("/admin/polls/" + chairs.id() + "/edit").with(csrf()).with(user(committee()))
                        .param("title", "被别人改").param("kind", "SINGLE").param("options", "a\nb").param("deadline", deadline))
                .andExpect(status().is3xxRedirection());
        assertThat(polls.find(chairs.id()).orElseThrow().title()).isEqualTo("主席的投票");
    }

    @Test
    void closingShowsTheResultWithItsRuleAndExportsReadableFiles() throws Exception {
        Poll poll = create(committee(), "春游去哪");
        mvc.perform(get("/admin/polls/" + poll.id() + "/export.csv").with(user(committee())))
                .andExpect(status().isConflict());
        polls.vote(poll.id(), member("T001"), new Choices(List.of(2)), null);
        assertThat(polls.vote(poll.id(), member("T003"), new Choices(List.of(2)), null).outcome())
                .isEqualTo(VoteOutcome.RECORDED);
        polls.vote(poll.id(), member("T002"), new Choices(List.of(1)), null);
        mvc.perform(post("/admin/polls/" + poll.id() + "/close").with(csrf()).with(user(committee())))
                .andExpect(status().is3xxRedirection());
        assertThat(polls.find(poll.id()).orElseThrow().isOpen()).isFalse();
        assertThat(audit.recent(1).get(0).action()).isEqualTo("poll.close");
        mvc.perform(get("/admin/polls/" + poll.id()).with(user(committee())))
                .andExpect(content().string(containsString("已结束")))
                .andExpect(content().string(containsString("法定人数：全体的 2/3，已达到（已投 3 / 应投 4）")))
                .andExpect(content().string(containsString("达到的选项：2.杭州")))
                .andExpect(content().string(containsString("<svg")));

        byte[] csv = mvc.perform(get("/admin/polls/" + poll.id() + "/export.csv").with(user(committee())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("poll-" + poll.id() + ".csv")))
                .andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF").contains("春游去哪").contains("2,杭州,2").contains("1,苏州,1").contains("王芳");
        assertThat(audit.recent(1).get(0).action()).isEqualTo("poll.export");

        byte[] xlsx = mvc.perform(get("/admin/polls/" + poll.id() + "/export.xlsx").with(user(committee())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheet("结果").getRow(0).getCell(2).getStringCellValue()).isEqualTo("春游去哪");
            assertThat(book.getSheet("记名")).isNotNull();
        }
    }

    @Test
    void aCommitteeMemberRemindsTheNonVotersOfAnOpenPollPrivatelyAndOnlyOnceInTenMinutes() throws Exception {
        Poll secret = create(chair(), "无记名催票", "secret", "true", "visibility", "AFTER_CLOSE");
        polls.vote(secret.id(), member("T001"), new Choices(List.of(1)), null);
        mvc.perform(get("/admin/polls/" + secret.id()).with(user(committee())))
                .andExpect(content().string(containsString("id=\"nudge-poll\"")))
                .andExpect(content().string(containsString("/admin/polls/" + secret.id() + "/nudge")));
        int before = harness.outbound.sent().size();

        // 王芳 voted; 李强 and 张敏 are reminded on the web; 赵磊 has no platform account, so is not counted
        String notice = (String) mvc.perform(post("/admin/polls/" + secret.id() + "/nudge").with(csrf())
                        .with(user(committee())))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/polls/" + secret.id()))
                .andReturn().getFlashMap().get("notice");
        assertThat(notice).isEqualTo("已私下提醒 2 位尚未投票的会员。");
        var sent = harness.outbound.sent().subList(before, harness.outbound.sent().size());
        assertThat(sent).extracting(s -> s.recipient().platformUserId()).containsExactlyInAnyOrder("t002", "t003");
        assertThat(sent).allSatisfy(s -> {
            assertThat(s.recipient().conversation().isGroup()).isFalse();
            assertThat(s.reply().text()).contains("无记名催票", "还没有投票");
        });
        assertThat(polls.repository().auditTrail(secret.id()))
                .filteredOn(a -> a.action().equals("nudged"))
                .extracting(org.unionbot.core.poll.AuditEntry::memberId).containsExactly(member("T002").id());
        AuditEntry entry = audit.recent(1).get(0);
        assertThat(entry.actor()).isEqualTo("li");
        assertThat(entry.action()).isEqualTo("poll.nudge");
        assertThat(entry.detail()).contains("2 人").doesNotContain("李强", "张敏", "赵磊");

        // the chair presses too, a minute later: refused, nothing sent, the page says until when
        harness.clock.advance(java.time.Duration.ofMinutes(1));
        String refusal = (String) mvc.perform(post("/admin/polls/" + secret.id() + "/nudge").with(csrf())
                        .with(user(chair())))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("error");
        assertThat(refusal).contains("10 分钟内只提醒一次");
        assertThat(harness.outbound.sent()).hasSize(before + 2);
        assertThat(polls.repository().auditTrail(secret.id())).filteredOn(a -> a.action().equals("nudged")).hasSize(1);
    }

    @Test
    void aClosedPollOffersNoReminderAndRefusesOne() throws Exception {
        Poll poll = create(committee(), "已结束不催");
        polls.close(poll.id(), member("T002").id());
        mvc.perform(get("/admin/polls/" + poll.id()).with(user(committee())))
                .andExpect(content().string(containsString("已结束")))
                .andExpect(content().string(not(containsString("id=\"nudge-poll\""))))
                .andExpect(content().string(not(containsString("提醒未投票的人"))));
        int before = harness.outbound.sent().size();
        String refusal = (String) mvc.perform(post("/admin/polls/" + poll.id() + "/nudge").with(csrf())
                        .with(user(committee())))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/polls/" + poll.id()))
                .andReturn().getFlashMap().get("error");
        assertThat(refusal).isEqualTo("投票已经结束，不再提醒。");
        assertThat(harness.outbound.sent()).hasSize(before);
        assertThat(polls.repository().auditTrail(poll.id())).extracting(org.unionbot.core.poll.AuditEntry::action)
                .doesNotContain("nudged");
    }

    @Test
    void aGroupLeaderCannotReachAnyPollUrlAndPostsNeedTheCsrfToken() throws Exception {
        ConsoleUser leader = new ConsoleUser(3, "zhao", "x", true, member("T004").id(), "赵磊",
                ConsoleRole.GROUP_LEADER, false);
        mvc.perform(get("/admin/polls/new").with(user(leader))).andExpect(status().isForbidden());
        mvc.perform(form("x").with(user(leader))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/polls/1/close").with(user(chair()))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/polls/1/nudge").with(csrf()).with(user(leader))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/polls/1/nudge").with(user(chair()))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/polls/new").param("title", "x").with(user(chair()))).andExpect(status().isForbidden());
    }
}
