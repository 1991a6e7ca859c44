package org.unionbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.unionbot.adapter.admin.e2e.ConsoleBrowser;
import org.unionbot.core.member.MemberRepository;

/**
 * The console end to end: the real application (test database), the first administrator from the
 * environment's properties, and a real headless Chromium: log in, import a roster with a bad row and
 * read the per-row report, search a member, issue binding codes. Screenshots in
 * adapters/admin/target/e2e-screenshots.
 */
class ConsoleBrowserIT {

    @Test
    void theChairLogsInImportsARosterSearchesAndIssuesBindingCodes(@TempDir Path dir) throws Exception {
        Path startRoster = dir.resolve("start.xlsx");
        ConsoleSession.xlsx(startRoster, new String[][] {{"姓名", "工号", "性别", "角色", "工会小组"}, {"许静", "E2E0", "女", "主席", "行政组"}});
        Path upload = dir.resolve("新学期名册.xlsx");
        ConsoleSession.xlsx(upload, new String[][] {{"姓名", "工号", "性别", "角色", "工会小组"},
                {"韩磊", "E2E1", "男", "", "体育组"}, {"", "E2E2", "女", "", ""}, {"宋佳", "E2E3", "女", "委员", "语文组"}});

        try (ConsoleSession session = ConsoleSession.start(startRoster)) {
            var app = session.app();
            ConsoleBrowser browser = session.browser();

            browser.open("/admin/login");
            // A wrong password: the Chinese message, still on the login page.
            browser.field("用户名").sendKeys("xujing");
            browser.field("密码").sendKeys("wrong-password-here");
            browser.press("登录");
            assertThat(browser.text()).contains("用户名或密码不正确");
            browser.screenshot("login-refused");

            session.loginAsAdmin();
            assertThat(browser.driver().getCurrentUrl()).endsWith("/admin/dashboard");
            assertThat(browser.text()).contains("许静（主席）", "概览", "会员", "操作记录");
            browser.screenshot("dashboard");

            // Keyboard: the first Tab on a page lands on the skip link, which shows itself.
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            WebElement first = browser.driver().switchTo().activeElement();
            assertThat(first.getAttribute("class")).isEqualTo("skip");
            assertThat(first.getAttribute("href")).endsWith("#main");
            browser.screenshot("skip-link-focused");

            browser.open("/admin/members/import");
            browser.field("名册文件").sendKeys(upload.toString());
            browser.press("导入");
            WebElement summary = browser.driver().findElement(By.id("report-summary"));
            assertThat(summary.getText()).contains("新增 2 人", "有问题的行 1 行");
            assertThat(browser.driver().findElement(By.id("report-errors")).getText()).contains("3");
            browser.screenshot("import-report");
            assertThat(app.getBean(MemberRepository.class).findByStaffNo("E2E3")).isPresent();

            browser.open("/admin/members");
            browser.field("搜索").sendKeys("韩磊");
            browser.press("搜索");
            assertThat(browser.text()).contains("E2E1", "体育组").doesNotContain("宋佳");
            browser.screenshot("search");

            WebElement pick = browser.driver().findElement(By.cssSelector("input[name=ids]"));
            pick.click();
            browser.press("为勾选的会员生成绑定码");
            String code = browser.driver().findElement(By.cssSelector("#codes code.code")).getText();
            assertThat(code).isNotBlank();
            assertThat(browser.text()).contains("韩磊", "E2E1");
            browser.screenshot("binding-codes");

            browser.open("/admin/audit");
            assertThat(browser.text()).contains("member.import", "binding.issue", "xujing");
            browser.screenshot("audit");

            // A phone-sized window: the layout reflows, the navigation stays usable.
            browser.driver().manage().window().setSize(new Dimension(390, 844));
            browser.open("/admin/dashboard");
            browser.screenshot("dashboard-phone");
            assertThat(browser.driver().findElement(By.linkText("会员")).isDisplayed()).isTrue();
        }
    }
}
