package org.unionbot.adapter.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.unionbot.core.channel.InMemoryChannelActivity;
import org.unionbot.core.console.AuditEntry;
import org.unionbot.core.feedback.CareCase;
import org.unionbot.core.feedback.CareStatus;
import org.unionbot.core.feedback.CareType;
import org.unionbot.core.feedback.Implementation;
import org.unionbot.core.feedback.InMemoryCareCaseRepository;
import org.unionbot.core.feedback.InMemoryProposalRepository;
import org.unionbot.core.feedback.InMemorySuggestionRepository;
import org.unionbot.core.feedback.Proposal;
import org.unionbot.core.feedback.ProposalSession;
import org.unionbot.core.feedback.Suggestion;
import org.unionbot.core.feedback.SuggestionMode;
import org.unionbot.core.feedback.SuggestionStatus;
import org.unionbot.core.knowledge.KnowledgeBase;
import org.unionbot.core.knowledge.KnowledgeEntry;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.message.Platform;
import org.unionbot.core.testing.ConversationHarness;
import org.unionbot.core.testing.InMemoryKnowledgeRepository;
import org.unionbot.core.testing.InMemoryUnansweredQuestions;
import org.unionbot.core.testing.RecordingOutbound;

/**
 * The suggestions, proposals, care, knowledge and channels pages over the core's in-memory ports: what
 * each shows to whom, what each change does (through the core services, so chat's rules hold), and the
 * audit entry each change leaves.
 */
@SpringBootTest(classes = ConsoleTestContext.class)
@AutoConfigureMockMvc
@DirtiesContext
class FeedbackKnowledgeChannelsPagesTest {

    @Autowired MockMvc mvc;
    @Autowired MemberRepository members;
    @Autowired ConversationHarness harness;
    @Autowired InMemoryAuditLog audit;
    @Autowired InMemorySuggestionRepository suggestions;
    @Autowired InMemoryCareCaseRepository cases;
    @Autowired InMemoryProposalRepository proposals;
    @Autowired KnowledgeBase knowledge;
    @Autowired InMemoryKnowledgeRepository knowledgeStore;
    @Autowired InMemoryUnansweredQuestions unanswered;
    @Autowired InMemoryChannelActivity activity;

    ConsoleUser chair() {
        return ConsoleTestUsers.chair(members);
    }

    ConsoleUser committee() {
        return ConsoleTestUsers.committee(members);
    }

    long id(String staffNo) {
        return members.findByStaffNo(staffNo).orElseThrow().id();
    }

    AuditEntry lastAudit() {
        return audit.recent(1).get(0);
    }

    Suggestion named(String ref, String body) {
        Suggestion s = new Suggestion(Long.parseLong(ref), ref, "h" + ref, SuggestionMode.NAMED, id("T001"),
                LocalDate.of(2026, 9, 1), Instant.parse("2026-09-01T01:00:00Z"), body, SuggestionStatus.RECEIVED,
                null, null, null, null, null, null, null);
        assertThat(suggestions.insert(s)).isTrue();
        return s;
    }

    Suggestion anonymous(String ref, String body) {
        Suggestion s = new Suggestion(Long.parseLong(ref), ref, "h" + ref, SuggestionMode.ANONYMOUS, null,
                LocalDate.of(2026, 9, 1), null, body, SuggestionStatus.RECEIVED, null, null, null, null, null, null, null);
        assertThat(suggestions.insert(s)).isTrue();
        return s;
    }

    @Test
    void aCommitteeMemberAssignsAndAnswersANamedSuggestionAndTheSenderIsTold() throws Exception {
        named("100001", "食堂晚餐开得太早");
        mvc.perform(get("/admin/suggestions").with(user(committee()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("食堂晚餐开得太早")))
                .andExpect(content().string(containsString("王芳")));
        mvc.perform(post("/admin/suggestions/100001/assign").param("target", "T002").with(csrf()).with(user(committee())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("李强")));
        assertThat(lastAudit().action()).isEqualTo("suggestion.assign");
        int before = harness.outbound.sent().size();
        mvc.perform(post("/admin/suggestions/100001/answer").param("answer", "下学期起推迟到 17:30。")
                        .with(csrf()).with(user(committee())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("下学期起推迟到 17:30。")));
        List<RecordingOutbound.Sent> sent = harness.outbound.sent().subList(before, harness.outbound.sent().size());
        assertThat(sent).anySatisfy(s -> {
            assertThat(s.recipient().platformUserId()).isEqualTo("t001");
            assertThat(s.reply().text()).contains("下学期起推迟到 17:30。");
        });
        assertThat(suggestions.findByRef("100001").orElseThrow().status()).isEqualTo(SuggestionStatus.ANSWERED);
        AuditEntry entry = lastAudit();
        assertThat(entry.actor()).isEqualTo("li");
        assertThat(entry.action()).isEqualTo("suggestion.answer");
        assertThat(entry.detail()).startsWith("已答复").doesNotContain("17:30");

        int sentBefore = harness.outbound.sent().size();
        mvc.perform(post("/admin/suggestions/publish").with(csrf()).with(user(committee())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("1")));
        assertThat(harness.outbound.sent().subList(sentBefore, harness.outbound.sent().size()))
                .anySatisfy(s -> assertThat(s.recipient()).isEqualTo(FeedbackKnowledgeChannelPorts.DIGEST));
    }

    @Test
    void anAnswerBeforeAssignmentIsRefusedWithTheChatReasonAndChangesNothing() throws Exception {
        named("100002", "操场灯坏了");
        mvc.perform(post("/admin/suggestions/100002/answer").param("answer", "已修").with(csrf()).with(user(committee())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("指派")));
        assertThat(suggestions.findByRef("100002").orElseThrow().status()).isEqualTo(SuggestionStatus.RECEIVED);
        assertThat(lastAudit().detail()).startsWith("未答复");
    }

    @Test
    void anAnonymousSuggestionShowsNoSenderAndASmallOfficeStaysUnnamed() throws Exception {
        anonymous("100003", "希望增加心理辅导");
        // 语文组 has two members (王芳, 赵磊): beside an anonymous suggestion it must not be named.
        mvc.perform(post("/admin/suggestions/100003/assign").param("target", "语文组").with(csrf()).with(user(chair())))
                .andExpect(status().isOk());
        String page = mvc.perform(get("/admin/suggestions/100003").with(user(chair()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("匿名").contains("承办部门不足5人").doesNotContain("王芳").doesNotContain("语文组</dd>");
        String inbox = mvc.perform(get("/admin/suggestions").param("status", "ASSIGNED").with(user(chair())))
                .andReturn().getResponse().getContentAsString();
        assertThat(inbox).contains("希望增加心理辅导").contains("承办部门不足5人");
    }

    CareCase careCase(String ref, long assignee) {
        return cases.insert(new CareCase(0, ref, CareType.HOSPITAL, id("T001"), null, "陈老师", "阑尾炎手术",
                assignee, CareStatus.OPEN, Instant.parse("2026-09-01T01:00:00Z"), null)).orElseThrow();
    }

    @Test
    void careCasesAreSeenOnlyByTheChairAndTheirAssignee() throws Exception {
        careCase("200001", id("T003"));
        careCase("200002", id("T002"));
        mvc.perform(get("/admin/care").with(user(committee()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("200002")))
                .andExpect(content().string(not(containsString("200001"))));
        mvc.perform(get("/admin/care/200001").with(user(committee()))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/care/200001/note").param("note", "看过了").with(csrf()).with(user(committee())))
                .andExpect(status().isForbidden());
        assertThat(cases.notes(cases.findByRef("200001").orElseThrow().id())).isEmpty();
        mvc.perform(get("/admin/care/200001").with(user(chair()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("探望并送慰问金 500 元")))
                .andExpect(content().string(containsString("阑尾炎手术")));
        mvc.perform(get("/admin/care").with(user(chair()))).andExpect(content().string(containsString("200001")))
                .andExpect(content().string(containsString("200002")));
    }

    @Test
    void theAssigneeRecordsAFollowUpAndClosesTheCase() throws Exception {
        careCase("200003", id("T002"));
        mvc.perform(post("/admin/care/200003/note").param("note", "已到医院探望").with(csrf()).with(user(committee())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已到医院探望")));
        assertThat(lastAudit().action()).isEqualTo("care.note");
        assertThat(lastAudit().detail()).doesNotContain("医院");
        mvc.perform(post("/admin/care/200003/close").param("note", "").with(csrf()).with(user(committee())))
                .andExpect(status().isOk());
        assertThat(cases.findByRef("200003").orElseThrow().status()).isEqualTo(CareStatus.CLOSED);
    }

    @Test
    void proposalsGetAnOfficeAReplyThatReachesTheProposerAndAStatus() throws Exception {
        ProposalSession session = proposals.createSession(7, 3, Instant.parse("2026-08-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z")).orElseThrow();
        proposals.insert(new Proposal(0, session.id(), 0, id("T001"), "增设教工子女托管", "放学后无人照看", "开设托管班",
                List.of(), null, null, null, null, null, Instant.parse("2026-09-01T01:00:00Z")));
        mvc.perform(get("/admin/proposals").with(user(committee()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("增设教工子女托管")));
        mvc.perform(post("/admin/proposals/1/reply").param("term", "7").param("meeting", "3").param("reply", "同意")
                .with(csrf()).with(user(committee()))).andExpect(content().string(containsString("承办")));
        mvc.perform(post("/admin/proposals/1/office").param("term", "7").param("meeting", "3").param("office", "校办")
                .with(csrf()).with(user(committee()))).andExpect(status().isOk());
        int before = harness.outbound.sent().size();
        mvc.perform(post("/admin/proposals/1/reply").param("term", "7").param("meeting", "3")
                .param("reply", "本学期开设托管班").with(csrf()).with(user(committee()))).andExpect(status().isOk());
        assertThat(harness.outbound.sent().subList(before, harness.outbound.sent().size()))
                .anySatisfy(s -> assertThat(s.reply().text()).contains("本学期开设托管班"));
        mvc.perform(post("/admin/proposals/1/implementation").param("term", "7").param("meeting", "3")
                .param("implementation", "IN_PROGRESS").with(csrf()).with(user(committee()))).andExpect(status().isOk());
        Proposal after = proposals.find(session.id(), 1).orElseThrow();
        assertThat(after.office()).isEqualTo("校办");
        assertThat(after.implementation()).isEqualTo(Implementation.IN_PROGRESS);
        assertThat(lastAudit().action()).isEqualTo("proposal.implementation");
    }

    @Test
    void anEntryMadeInTheConsoleIsAnsweredAtOnceAndShowsInTheTestBox() throws Exception {
        mvc.perform(post("/admin/knowledge/entry").param("title", "羽毛球馆开放时间")
                        .param("questions", "羽毛球馆几点开\n羽毛球场什么时候开放").param("answer", "工作日 17:00-20:00 开放。")
                        .param("category", "文体").param("source", "工会文体活动安排（2026）")
                        .with(csrf()).with(user(committee())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已保存")));
        KnowledgeEntry made = knowledgeStore.entries(KnowledgeEntry.ORIGIN_CHAT).stream()
                .filter(e -> e.title().equals("羽毛球馆开放时间")).findFirst().orElseThrow();
        assertThat(knowledge.match("羽毛球馆几点开").best().orElseThrow().entry().id()).isEqualTo(made.id());
        assertThat(lastAudit().action()).isEqualTo("knowledge.create");

        mvc.perform(post("/admin/knowledge/entry").param("id", made.id()).param("title", "羽毛球馆开放时间")
                        .param("questions", "羽毛球馆几点开").param("answer", "工作日 18:00-21:00 开放。")
                        .param("category", "文体").param("source", "工会文体活动安排（2026 修订）")
                        .with(csrf()).with(user(committee())))
                .andExpect(status().isOk());
        assertThat(knowledge.entry(made.id()).orElseThrow().answer()).isEqualTo("工作日 18:00-21:00 开放。");
        assertThat(lastAudit().action()).isEqualTo("knowledge.update");

        mvc.perform(get("/admin/knowledge").param("question", "羽毛球馆几点开").with(user(committee())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("18:00-21:00")))
                .andExpect(content().string(containsString("2026 修订")))
                .andExpect(content().string(containsString("直接回答")));
    }

    @Test
    void aFileEntryIsNotEditedInTheConsoleAndBadInputKeepsTheForm() throws Exception {
        KnowledgeEntry fromFile = knowledge.entries().stream()
                .filter(e -> KnowledgeEntry.ORIGIN_FILE.equals(e.origin())).findFirst().orElseThrow();
        mvc.perform(post("/admin/knowledge/entry").param("id", fromFile.id()).param("title", "改")
                        .param("questions", "改").param("answer", "改").with(csrf()).with(user(chair())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("来自知识库文件")));
        assertThat(knowledge.entry(fromFile.id()).orElseThrow().answer()).isEqualTo(fromFile.answer());

        mvc.perform(post("/admin/knowledge/entry").param("title", "空答案").param("questions", "问")
                        .param("answer", " ").with(csrf()).with(user(chair())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("答案不能为空")))
                .andExpect(content().string(containsString("空答案")));
    }

    @Test
    void anUnansweredQuestionBecomesAnEntry() throws Exception {
        long q = unanswered.record("游泳馆对教工免费吗", id("T001"), id("T002"), Instant.parse("2026-09-01T01:00:00Z"));
        mvc.perform(get("/admin/knowledge").with(user(committee()))).andExpect(content().string(containsString("游泳馆对教工免费吗")));
        int before = harness.outbound.sent().size();
        mvc.perform(post("/admin/knowledge/unanswered/" + q).param("answer", "凭工会会员证免费。")
                .with(csrf()).with(user(committee()))).andExpect(status().isOk());
        assertThat(unanswered.find(q).orElseThrow().open()).isFalse();
        assertThat(knowledge.entry("q-" + q).orElseThrow().answer()).isEqualTo("凭工会会员证免费。");
        assertThat(knowledge.entry("q-" + q).orElseThrow().source()).contains("李强");
        assertThat(lastAudit().action()).isEqualTo("knowledge.promote");
        // The asker is told, as when the question is answered in chat.
        assertThat(harness.outbound.sent().subList(before, harness.outbound.sent().size())).anySatisfy(s -> {
            assertThat(s.recipient().platformUserId()).isEqualTo("t001");
            assertThat(s.reply().text()).contains("凭工会会员证免费。");
        });
        // A second time: the question is closed, nothing changes.
        mvc.perform(post("/admin/knowledge/unanswered/" + q).param("answer", "别的答案").with(csrf()).with(user(committee())))
                .andExpect(status().isOk());
        assertThat(knowledge.entry("q-" + q).orElseThrow().answer()).isEqualTo("凭工会会员证免费。");
    }

    @Test
    void theChannelsPageShowsAccountsLastCallbacksAndErrors() throws Exception {
        activity.callbackReceived(Platform.WECOM, "ww1/1000002");
        activity.error(Platform.DINGTALK, "工会群", "回调被拒绝（bad sign）");
        mvc.perform(get("/admin/channels").with(user(committee()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("企业 ww1 应用 1000002")))
                .andExpect(content().string(containsString("2026-09-01 09:00:00")))
                .andExpect(content().string(containsString("自启动以来未收到")))
                .andExpect(content().string(containsString("回调被拒绝（bad sign）")));
    }

    @Test
    void everyNewPostRefusesAMissingCsrfTokenAndAGroupLeader() throws Exception {
        ConsoleUser leader = new ConsoleUser(3, "zhao", "x", true, id("T004"), "赵磊", ConsoleRole.GROUP_LEADER, false);
        for (String url : List.of("/admin/suggestions/100009/answer", "/admin/suggestions/publish",
                "/admin/proposals/publish", "/admin/proposals/sessions", "/admin/care/200009/note", "/admin/knowledge/entry",
                "/admin/knowledge/reload", "/admin/knowledge/unanswered/1")) {
            mvc.perform(post(url).param("answer", "x").with(user(chair()))).andExpect(status().isForbidden());
            mvc.perform(post(url).param("answer", "x").with(csrf()).with(user(leader))).andExpect(status().isForbidden());
        }
    }
}
