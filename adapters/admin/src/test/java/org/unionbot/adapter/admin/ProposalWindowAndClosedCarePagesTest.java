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
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.unionbot.core.console.AuditEntry;
import org.unionbot.core.feedback.CareCase;
import org.unionbot.core.feedback.CareStatus;
import org.unionbot.core.feedback.CareType;
import org.unionbot.core.feedback.InMemoryCareCaseRepository;
import org.unionbot.core.feedback.InMemoryProposalRepository;
import org.unionbot.core.feedback.ProposalSession;
import org.unionbot.core.member.Gender;
import org.unionbot.core.member.MemberDraft;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.UnionRole;

/**
 * Opening a proposal window from the console and the closed care cases, in a context of their own:
 * a newly opened session becomes the latest one, which the other proposal pages default to.
 */
@SpringBootTest(classes = ConsoleTestContext.class)
@AutoConfigureMockMvc
@DirtiesContext
class ProposalWindowAndClosedCarePagesTest {

    @Autowired MockMvc mvc;
    @Autowired MemberRepository members;
    @Autowired InMemoryAuditLog audit;
    @Autowired InMemoryProposalRepository proposals;
    @Autowired InMemoryCareCaseRepository cases;

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

    @Test
    void theChairOpensAProposalWindowUnderTheChatRules() throws Exception {
        // the harness clock stands at 2026-09-01 09:00 Shanghai
        mvc.perform(get("/admin/proposals").with(user(chair())))
                .andExpect(content().string(containsString("action=\"/admin/proposals/sessions\"")));
        mvc.perform(get("/admin/proposals").with(user(committee())))
                .andExpect(content().string(not(containsString("/admin/proposals/sessions"))));

        mvc.perform(post("/admin/proposals/sessions").param("term", "8").param("meeting", "2")
                .param("lastDay", "2026-09-30").with(csrf()).with(user(chair()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("第8届第2次教代会提案征集已开启，截止到 2026-09-30")))
                .andExpect(content().string(containsString("第8届第2次教代会：征集截止到 2026-09-30（含当天），正在征集。")));
        ProposalSession opened = proposals.findSession(8, 2).orElseThrow();
        assertThat(opened.acceptsAt(Instant.parse("2026-09-30T15:59:59Z"))).isTrue();
        assertThat(opened.acceptsAt(Instant.parse("2026-09-30T16:00:00Z"))).as("end of the day in Shanghai").isFalse();
        assertThat(lastAudit().action()).isEqualTo("proposal.open");
        assertThat(lastAudit().target()).isEqualTo("第8届第2次");
        mvc.perform(get("/admin/proposals").with(user(committee())))
                .andExpect(content().string(containsString("第8届第2次教代会：征集截止到 2026-09-30")));

        mvc.perform(post("/admin/proposals/sessions").param("term", "8").param("meeting", "2")
                .param("lastDay", "2026-10-31").with(csrf()).with(user(chair())))
                .andExpect(content().string(containsString("第8届第2次教代会的提案征集已经开启过了。")));
        assertThat(proposals.findSession(8, 2).orElseThrow()).isEqualTo(opened);
        assertThat(lastAudit().action()).isEqualTo("proposal.open");

        mvc.perform(post("/admin/proposals/sessions").param("term", "8").param("meeting", "3")
                .param("lastDay", "2026-08-31").with(csrf()).with(user(chair())))
                .andExpect(content().string(containsString("截止日期已经过了，请填写今天或以后的日期。")));
        mvc.perform(post("/admin/proposals/sessions").param("term", "0").param("meeting", "3")
                .param("lastDay", "2026-09-30").with(csrf()).with(user(chair())))
                .andExpect(content().string(containsString("请填写届、次（正整数）和截止日期。")));
        mvc.perform(post("/admin/proposals/sessions").param("term", "8").param("meeting", "3")
                .param("lastDay", "九月底").with(csrf()).with(user(chair())))
                .andExpect(content().string(containsString("请填写届、次（正整数）和截止日期。")));
        assertThat(proposals.findSession(8, 3)).isEmpty();

        mvc.perform(post("/admin/proposals/sessions").param("term", "8").param("meeting", "4")
                .param("lastDay", "2026-09-30").with(csrf()).with(user(committee()))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/proposals/sessions").param("term", "8").param("meeting", "4")
                .param("lastDay", "2026-09-30").with(user(chair()))).andExpect(status().isForbidden());
        assertThat(proposals.findSession(8, 4)).isEmpty();
    }

    @Test
    void aClosedCaseIsListedForTheChairAndItsAssigneeOnly() throws Exception {
        long sun = members.save(new MemberDraft("孙伟", "T005", Gender.MALE, null, null, null, "7890", null,
                Set.of(UnionRole.COMMITTEE), Set.of())).memberId();
        ConsoleUser otherCommittee = new ConsoleUser(5, "sun", "x", true, sun, "孙伟", ConsoleRole.COMMITTEE, false);
        cases.insert(new CareCase(0, "300001", CareType.HOSPITAL, id("T001"), null, "陈老师", "阑尾炎手术",
                id("T002"), CareStatus.OPEN, Instant.parse("2026-08-20T01:00:00Z"), null)).orElseThrow();
        CareCase sunsCase = cases.insert(new CareCase(0, "300002", CareType.BIRTH, id("T001"), null, "周老师", "",
                sun, CareStatus.OPEN, Instant.parse("2026-08-21T01:00:00Z"), null)).orElseThrow();
        mvc.perform(post("/admin/care/300001/close").param("note", "").with(csrf()).with(user(committee())))
                .andExpect(status().isOk());
        // closed after 300001 (the harness clock stands at 2026-09-01 09:00 Shanghai), so listed before it
        assertThat(cases.close(sunsCase.id(), Instant.parse("2026-09-02T02:00:00Z"))).isTrue();

        String chairs = mvc.perform(get("/admin/care").with(user(chair()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("已办结")))
                .andExpect(content().string(containsString("2026-09-02")))
                .andReturn().getResponse().getContentAsString();
        assertThat(chairs.indexOf("300002")).isPositive().isLessThan(chairs.indexOf("300001"));
        mvc.perform(get("/admin/care").with(user(committee()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("300001")))
                .andExpect(content().string(containsString("2026-09-01")))
                .andExpect(content().string(not(containsString("300002"))))
                .andExpect(content().string(not(containsString("周老师"))));
        mvc.perform(get("/admin/care").with(user(otherCommittee))).andExpect(status().isOk())
                .andExpect(content().string(containsString("300002")))
                .andExpect(content().string(not(containsString("300001"))))
                .andExpect(content().string(not(containsString("陈老师"))));
        mvc.perform(get("/admin/care/300001").with(user(committee()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("已办结")));
        mvc.perform(get("/admin/care/300001").with(user(otherCommittee))).andExpect(status().isForbidden());
    }
}
