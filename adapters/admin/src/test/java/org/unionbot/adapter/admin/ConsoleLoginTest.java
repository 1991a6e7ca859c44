package org.unionbot.adapter.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Form login with BCrypt, the role check at login, the session timeout and the throttle. */
@SpringBootTest(classes = ConsoleTestContext.class, properties = "unionbot.admin.session-timeout=20m")
@AutoConfigureMockMvc
@DirtiesContext
class ConsoleLoginTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    org.unionbot.core.console.ConsoleAccountRepository accounts;

    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder encoder;

    @Autowired
    org.unionbot.core.member.MemberRepository members;

    MvcResult login(String username, String password, String address) throws Exception {
        return mvc.perform(post("/admin/login").param("username", username).param("password", password)
                .with(csrf()).with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                })).andReturn();
    }

    @Test
    void theChairLogsInAndGetsAConsoleSessionWithTheConfiguredTimeout() throws Exception {
        MvcResult result = login("zhang", ConsoleTestContext.PASSWORD, "10.0.0.1");
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/dashboard");
        HttpSession session = result.getRequest().getSession(false);
        assertThat(session.getMaxInactiveInterval()).isEqualTo(20 * 60);
        mvc.perform(get("/admin/dashboard").session((MockHttpSession) session)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("张敏（主席）")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("操作记录")));
    }

    @Test
    void theNavigationShowsOnlyThePagesTheRoleMayOpen() throws Exception {
        MvcResult result = login("zhao", ConsoleTestContext.PASSWORD, "10.0.0.2");
        mvc.perform(get("/admin/dashboard").session((MockHttpSession) result.getRequest().getSession(false)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("概览")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("操作记录"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("href=\"/admin/members\""))));
    }

    @Test
    void aWrongPasswordAndAMemberWithoutACommitteeRoleAreRefusedAlike() throws Exception {
        assertThat(login("li", "wrong-password", "10.0.0.3").getResponse().getRedirectedUrl())
                .isEqualTo("/admin/login?error");
        assertThat(login("wang", ConsoleTestContext.PASSWORD, "10.0.0.3").getResponse().getRedirectedUrl())
                .isEqualTo("/admin/login?error");
        assertThat(login("nobody", ConsoleTestContext.PASSWORD, "10.0.0.3").getResponse().getRedirectedUrl())
                .isEqualTo("/admin/login?error");
        mvc.perform(get("/admin/login?error")).andExpect(content().string(
                org.hamcrest.Matchers.containsString("用户名或密码不正确")));
    }

    @Test
    void fiveFailuresForOneNameBlockItEvenWithTheRightPassword() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(login("li", "guess-" + i, "10.1.0." + i).getResponse().getRedirectedUrl())
                    .isEqualTo("/admin/login?error");
        }
        assertThat(login("li", ConsoleTestContext.PASSWORD, "10.1.0.99").getResponse().getRedirectedUrl())
                .isEqualTo("/admin/login?throttled");
        mvc.perform(get("/admin/login?throttled")).andExpect(content().string(
                org.hamcrest.Matchers.containsString("登录失败次数过多，请 15 分钟后再试")));
    }

    @Test
    void fiveFailuresFromOneAddressBlockEveryNameFromIt() throws Exception {
        for (int i = 0; i < 5; i++) {
            login("user" + i, "guess", "10.2.0.1");
        }
        assertThat(login("zhang", ConsoleTestContext.PASSWORD, "10.2.0.1").getResponse().getRedirectedUrl())
                .isEqualTo("/admin/login?throttled");
        assertThat(login("zhang", ConsoleTestContext.PASSWORD, "10.2.0.2").getResponse().getRedirectedUrl())
                .isEqualTo("/admin/dashboard");
    }

    @Test
    void aOneTimePasswordMustBeChangedBeforeAnythingElse() throws Exception {
        long sun = members.save(new org.unionbot.core.member.MemberDraft("孙丽", "T301", null, null, null, null, null,
                null, java.util.Set.of(org.unionbot.core.member.UnionRole.COMMITTEE), null)).memberId();
        var account = accounts.create("sun", encoder.encode("one-time-pass-1"), sun, true).orElseThrow();
        MvcResult result = login("sun", "one-time-pass-1", "10.4.0.1");
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/password?first");
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
        mvc.perform(get("/admin/dashboard").session(session)).andExpect(redirectedUrl("/admin/password?first"));
        mvc.perform(post("/admin/password").session(session).with(csrf()).param("current", "one-time-pass-1")
                .param("password", "my-own-password").param("repeat", "my-own-password"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("密码已修改")));
        mvc.perform(get("/admin/dashboard").session(session)).andExpect(status().isOk());
        assertThat(encoder.matches("my-own-password", accounts.findById(account.id()).orElseThrow().passwordHash())).isTrue();
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        MvcResult result = login("li", ConsoleTestContext.PASSWORD, "10.3.0.1");
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
        mvc.perform(post("/admin/logout").session(session).with(csrf())).andExpect(redirectedUrl("/admin/login?logout"));
        mvc.perform(get("/admin/dashboard").session(session)).andExpect(status().is3xxRedirection());
    }
}
