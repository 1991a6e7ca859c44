package org.unionbot.adapter.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.unionbot.core.member.MemberRepository;

/**
 * The access rules: anonymous users are sent to the login page, every declared page refuses every role
 * below its own and admits its own and the ones above, undeclared /admin URLs are refused to everyone,
 * and a POST without the CSRF token is refused. The rules outside /admin are not the console's business.
 */
@SpringBootTest(classes = ConsoleTestContext.class)
@AutoConfigureMockMvc
class ConsoleAccessTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ConsoleNavigation navigation;

    @Autowired
    MemberRepository members;

    static ConsoleUser as(ConsoleRole role, long memberId) {
        return new ConsoleUser(1, "user-" + role.name().toLowerCase(), "{noop}x", true, memberId, "测试", role, false);
    }

    ConsoleUser as(ConsoleRole role) {
        String staffNo = switch (role) {
            case CHAIR -> "T003";
            case COMMITTEE -> "T002";
            case GROUP_LEADER -> "T004";
        };
        return as(role, members.findByStaffNo(staffNo).orElseThrow().id());
    }

    @Test
    void theDeclaredPagesAreTheOnesThisPhaseBuilt() {
        assertThat(navigation.pages()).extracting(ConsolePage::path).containsExactly("/admin/dashboard",
                "/admin/members", "/admin/groups", "/admin/polls", "/admin/plan", "/admin/suggestions",
                "/admin/proposals", "/admin/care", "/admin/knowledge", "/admin/channels", "/admin/accounts",
                "/admin/audit");
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPageFromEveryPage() throws Exception {
        for (ConsolePage page : navigation.pages()) {
            mvc.perform(get(page.path())).andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/admin/login"));
        }
        mvc.perform(get("/admin/password")).andExpect(redirectedUrl("/admin/login"));
        mvc.perform(get("/admin/login")).andExpect(status().isOk());
        mvc.perform(get("/admin/assets/console.css")).andExpect(status().isOk());
    }

    @Test
    void everyPageRefusesTheRolesBelowItsOwnAndAdmitsTheRest() throws Exception {
        for (ConsolePage page : navigation.pages()) {
            for (ConsoleRole role : ConsoleRole.values()) {
                boolean allowed = page.minimumRole().allowed().contains(role);
                var result = mvc.perform(get(page.path()).with(user(as(role)))).andReturn();
                assertThat(result.getResponse().getStatus())
                        .as("%s as %s", page.path(), role)
                        .isEqualTo(allowed ? 200 : 403);
            }
        }
    }

    @Test
    void subPagesFollowTheirPagesRule() throws Exception {
        long wang = members.findByStaffNo("T001").orElseThrow().id();
        mvc.perform(get("/admin/members/" + wang).with(user(as(ConsoleRole.GROUP_LEADER)))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/members/" + wang).with(user(as(ConsoleRole.COMMITTEE)))).andExpect(status().isOk());
        mvc.perform(post("/admin/accounts/1/reset").with(csrf()).with(user(as(ConsoleRole.COMMITTEE))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/members/binding-codes").param("ids", String.valueOf(wang)).with(csrf())
                .with(user(as(ConsoleRole.GROUP_LEADER)))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/polls/1/nudge").with(csrf()).with(user(as(ConsoleRole.GROUP_LEADER))))
                .andExpect(status().isForbidden());
        // The proposals page is 委员's, but opening a window (提案征集) is the chair's, as in chat.
        for (ConsoleRole role : List.of(ConsoleRole.COMMITTEE, ConsoleRole.GROUP_LEADER)) {
            mvc.perform(post("/admin/proposals/sessions").param("term", "9").param("meeting", "1")
                    .param("lastDay", "2026-12-31").with(csrf()).with(user(as(role)))).andExpect(status().isForbidden());
        }
    }

    @Test
    void anUndeclaredConsoleUrlIsRefusedEvenToTheChair() throws Exception {
        mvc.perform(get("/admin/not-a-page").with(user(as(ConsoleRole.CHAIR)))).andExpect(status().isForbidden());
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        long wang = members.findByStaffNo("T001").orElseThrow().id();
        for (String url : List.of("/admin/members/" + wang, "/admin/accounts", "/admin/members/binding-codes",
                "/admin/password", "/admin/logout", "/admin/polls/new", "/admin/polls/1/close", "/admin/polls/1/nudge", "/admin/plan/approve", "/admin/plan/resend",
                "/admin/proposals/sessions")) {
            mvc.perform(post(url).param("name", "x").with(user(as(ConsoleRole.CHAIR)))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/admin/login").param("username", "zhang").param("password", ConsoleTestContext.PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void urlsOutsideTheConsoleAreNotTouchedBySecurity() throws Exception {
        // No login redirect, no CSRF refusal: nothing is mapped here in this context, so the answer is 404.
        mvc.perform(get("/api/chat")).andExpect(status().isNotFound());
        mvc.perform(post("/api/chat")).andExpect(status().isNotFound());
        mvc.perform(post("/callback/wechat/x")).andExpect(status().isNotFound());
        mvc.perform(get("/")).andExpect(status().isNotFound());
    }

    @Test
    void theAdminRootLeadsToTheDashboard() throws Exception {
        mvc.perform(get("/admin").with(user(as(ConsoleRole.GROUP_LEADER)))).andExpect(redirectedUrl("/admin/dashboard"));
    }
}
