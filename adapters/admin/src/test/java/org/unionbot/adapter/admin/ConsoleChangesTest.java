package org.unionbot.adapter.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.unionbot.core.console.AuditEntry;
import org.unionbot.core.console.ConsoleAccountRepository;
import org.unionbot.core.member.BindingService;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.message.Platform;

/** What the pages change, and that each change leaves an audit entry naming who did it. */
@SpringBootTest(classes = ConsoleTestContext.class)
@AutoConfigureMockMvc
@DirtiesContext
class ConsoleChangesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberRepository members;

    @Autowired
    InMemoryAuditLog audit;

    @Autowired
    ConsoleAccountRepository accounts;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    BindingService binding;

    ConsoleUser chair() {
        return ConsoleTestUsers.chair(members);
    }

    ConsoleUser committee() {
        return ConsoleTestUsers.committee(members);
    }

    AuditEntry lastAudit() {
        return audit.recent(1).get(0);
    }

    @Test
    void aCommitteeMemberEditsAMemberButCannotChangeRoles() throws Exception {
        Member wang = members.findByStaffNo("T001").orElseThrow();
        mvc.perform(post("/admin/members/" + wang.id()).with(csrf()).with(user(committee()))
                        .param("name", "王芳").param("status", "ACTIVE").param("phoneTail", "4321")
                        .param("groupName", "英语组").param("tags", "女职工，青年教师").param("roles", "CHAIR"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已保存")));
        Member after = members.findByStaffNo("T001").orElseThrow();
        assertThat(after.phoneTail()).isEqualTo("4321");
        assertThat(after.tags()).containsExactlyInAnyOrder("女职工", "青年教师");
        assertThat(members.findGroup(after.groupId()).orElseThrow().name()).isEqualTo("英语组");
        assertThat(after.roles()).containsExactly(UnionRole.MEMBER);
        AuditEntry entry = lastAudit();
        assertThat(entry.actor()).isEqualTo("li");
        assertThat(entry.action()).isEqualTo("member.update");
        assertThat(entry.target()).isEqualTo("T001");
        assertThat(entry.detail()).contains("手机尾号").doesNotContain("4321");
    }

    @Test
    void theChairChangesRoles() throws Exception {
        Member zhao = members.findByStaffNo("T004").orElseThrow();
        mvc.perform(post("/admin/members/" + zhao.id()).with(csrf()).with(user(chair()))
                        .param("name", "赵磊").param("status", "ACTIVE").param("groupName", "语文组")
                        .param("roles", "GROUP_LEADER", "COMMITTEE"))
                .andExpect(status().isOk());
        assertThat(members.findByStaffNo("T004").orElseThrow().roles())
                .containsExactlyInAnyOrder(UnionRole.GROUP_LEADER, UnionRole.COMMITTEE);
        assertThat(lastAudit().detail()).contains("角色→");
    }

    @Test
    void theChairCannotRemoveTheirOwnChairRole() throws Exception {
        Member zhang = members.findByStaffNo("T003").orElseThrow();
        mvc.perform(post("/admin/members/" + zhang.id()).with(csrf()).with(user(chair()))
                        .param("name", "张敏").param("status", "ACTIVE").param("roles", "COMMITTEE"))
                .andExpect(content().string(containsString("不能取消您自己的主席角色")));
        assertThat(members.findByStaffNo("T003").orElseThrow().has(UnionRole.CHAIR)).isTrue();
    }

    @Test
    void badInputIsExplainedAndNothingIsSaved() throws Exception {
        Member wang = members.findByStaffNo("T001").orElseThrow();
        int before = audit.all().size();
        mvc.perform(post("/admin/members/" + wang.id()).with(csrf()).with(user(chair()))
                        .param("name", " ").param("status", "ACTIVE").param("phoneTail", "12ab"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("姓名不能为空")))
                .andExpect(content().string(containsString("手机尾号须为 4 位数字")));
        assertThat(members.findByStaffNo("T001").orElseThrow().name()).isEqualTo("王芳");
        assertThat(audit.all()).hasSize(before);
    }

    @Test
    void aCsvRosterInGbkIsImportedWithItsPerRowReport() throws Exception {
        String csv = "姓名,工号,性别,角色,工会小组\n孙丽,T101,女,,英语组\n,T102,男,,\n周伟,T103,男,委员,体育组\n";
        MockMultipartFile file = new MockMultipartFile("file", "名册.csv", "text/csv",
                csv.getBytes(Charset.forName("GB18030")));
        mvc.perform(multipart("/admin/members/import").file(file).with(csrf()).with(user(committee())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("新增 2 人")))
                .andExpect(content().string(containsString("有问题的行 1 行")));
        assertThat(members.findByStaffNo("T101").orElseThrow().name()).isEqualTo("孙丽");
        assertThat(members.findByStaffNo("T103").orElseThrow().has(UnionRole.COMMITTEE)).isTrue();
        assertThat(lastAudit().action()).isEqualTo("member.import");
        assertThat(lastAudit().detail()).isEqualTo("新增 2，更新 0，未变 0，错误 1 行");
    }

    @Test
    void aFileThatIsNotARosterGetsAClearAnswer() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "名册.xlsx", "application/octet-stream",
                "not a workbook".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/admin/members/import").file(file).with(csrf()).with(user(committee())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("无法读取这个文件")));
        MockMultipartFile pdf = new MockMultipartFile("file", "名册.pdf", "application/pdf", new byte[] {1, 2});
        mvc.perform(multipart("/admin/members/import").file(pdf).with(csrf()).with(user(committee())))
                .andExpect(content().string(containsString("只支持 .xlsx 和 .csv 文件")));
    }

    @Test
    void searchFindsByNameStaffNumberTagAndGroup() throws Exception {
        mvc.perform(get("/admin/members").param("q", "张敏").with(user(committee())))
                .andExpect(content().string(containsString("T003")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("T002"))));
        mvc.perform(get("/admin/members").param("q", "数学组").with(user(committee())))
                .andExpect(content().string(containsString("李强")));
    }

    @Test
    void bindingCodesAreIssuedPrintedAndWorkInChat() throws Exception {
        Member zhao = members.findByStaffNo("T004").orElseThrow();
        String page = mvc.perform(post("/admin/members/binding-codes").param("ids", String.valueOf(zhao.id()))
                        .with(csrf()).with(user(committee())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher code = Pattern.compile("<code class=\"code\">([^<]+)</code>").matcher(page);
        assertThat(code.find()).isTrue();
        assertThat(binding.bindByCode(Platform.WEB, "zhao-web", code.group(1)))
                .isInstanceOf(BindingService.Result.Bound.class);
        assertThat(members.findByIdentity(Platform.WEB, "zhao-web")).map(Member::staffNo).contains("T004");
        assertThat(lastAudit().action()).isEqualTo("binding.issue");
    }

    @Test
    void theChairCreatesAnAccountWithAOneTimePasswordAndResetsIt() throws Exception {
        // 李强's member has an account already (li); 周伟 is created here as 委员 first.
        mvc.perform(multipart("/admin/members/import").file(new MockMultipartFile("file", "r.csv", "text/csv",
                "姓名,工号,角色\n钱峰,T201,委员\n".getBytes(StandardCharsets.UTF_8))).with(csrf()).with(user(chair())));
        String page = mvc.perform(post("/admin/accounts").param("username", "qian").param("staffNo", "T201")
                        .with(csrf()).with(user(chair())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher otp = Pattern.compile("<code id=\"otp\">([^<]+)</code>").matcher(page);
        assertThat(otp.find()).isTrue();
        var account = accounts.findByUsername("qian").orElseThrow();
        assertThat(encoder.matches(otp.group(1), account.passwordHash())).isTrue();
        assertThat(account.mustChangePassword()).isTrue();
        assertThat(lastAudit().action()).isEqualTo("account.create");
        assertThat(lastAudit().detail()).doesNotContain(otp.group(1));

        mvc.perform(post("/admin/accounts").param("username", "qian2").param("staffNo", "T001")
                        .with(csrf()).with(user(chair())))
                .andExpect(content().string(containsString("不是主席、委员或组长")));

        mvc.perform(post("/admin/accounts/" + account.id() + "/reset").with(csrf()).with(user(chair())))
                .andExpect(status().isOk());
        assertThat(encoder.matches(otp.group(1), accounts.findById(account.id()).orElseThrow().passwordHash())).isFalse();
        assertThat(lastAudit().action()).isEqualTo("account.reset");
    }

    @Test
    void theAuditPageListsChangesForTheChair() throws Exception {
        audit.record(new AuditEntry(java.time.Instant.parse("2026-09-01T02:00:00Z"), "li", "member.update", "T009", "姓名"));
        mvc.perform(get("/admin/audit").with(user(chair()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("T009")))
                .andExpect(content().string(containsString("2026-09-01 02:00:00")));
    }
}
