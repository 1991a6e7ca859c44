package org.unionbot.core.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unionbot.core.message.Platform;
import org.unionbot.core.testing.ConversationHarness;
import org.unionbot.core.testing.Roster;

class BindingTest {
    private final ConversationHarness harness = Roster.smallSchool(ConversationHarness.create());

    @AfterEach
    void close() {
        harness.close();
    }

    private long wangFang() {
        return harness.members.findByStaffNo("T001").orElseThrow().id();
    }

    @Test
    void aCodeBindsOnceAndThenTheMemberIsKnownOnThatPlatform() {
        String code = harness.binding.issueCode(wangFang());
        var wecom = harness.as(Platform.WECOM, "wangfang-wecom");
        assertThat(wecom.say("我是谁")).contains("还没有和工会会员信息绑定");
        assertThat(wecom.say("绑定 " + code.toLowerCase())).contains("绑定成功", "王芳");
        assertThat(wecom.say("我是谁")).contains("王芳", "企业微信", "网页");
        var other = harness.as(Platform.DINGTALK, "somebody-else");
        assertThat(other.say("绑定 " + code)).contains("绑定没有成功");
        assertThat(other.say("我是谁")).doesNotContain("王芳");
    }

    @Test
    void anExpiredCodeIsRefused() {
        String code = harness.binding.issueCode(wangFang());
        harness.clock.advance(Duration.ofDays(15));
        assertThat(harness.as(Platform.WECOM, "u1").say("绑定 " + code)).contains("绑定没有成功");
    }

    @Test
    void staffNumberAndPhoneTailBind() {
        assertThat(harness.as(Platform.DINGTALK, "ding-1").say("绑定 T001 0000")).contains("绑定没有成功");
        assertThat(harness.as(Platform.DINGTALK, "ding-1").say("绑定 T001 1234")).contains("绑定成功", "王芳");
    }

    @Test
    void guessingPhoneTailsIsStoppedAfterFiveFailures() {
        var guesser = harness.as(Platform.WECHAT_MP, "openid-guess");
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.say("绑定 T001 000" + i)).contains("绑定没有成功");
        }
        assertThat(guesser.say("绑定 T001 1234")).contains("尝试次数过多");
        harness.clock.advance(Duration.ofMinutes(61));
        assertThat(guesser.say("绑定 T001 1234")).contains("绑定成功");
    }

    @Test
    void anAccountAlreadyBoundStaysWithItsMember() {
        assertThat(harness.as("t001").say("绑定 C001 1234")).contains("已经绑定到王芳");
        assertThat(harness.as("t001").say("我是谁")).contains("王芳");
    }

    @Test
    void bindingIsPrivateOnlyAndExplainsItsUsage() {
        assertThat(harness.as(Platform.WECOM, "u2").inGroup("g").say("绑定 T001 1234")).contains("请私聊");
        assertThat(harness.as(Platform.WECOM, "u2").say("绑定")).contains("请这样发送");
    }

    @Test
    void aCommitteeMemberIssuesACodeThatTheTeacherUsesOnce() {
        String reply = harness.as("c001").say("绑定码 T001");
        assertThat(reply).contains("王芳", "T001", "绑定码");
        String code = reply.replaceAll("(?s).*绑定码：([A-Z0-9]{8}).*", "$1");
        assertThat(code).hasSize(8);
        assertThat(harness.as(Platform.WECHAT_MP, "openid-wang").say("绑定 " + code)).contains("绑定成功", "王芳");
        assertThat(harness.as(Platform.WECHAT_MP, "openid-other").say("绑定 " + code)).contains("绑定没有成功");
    }

    @Test
    void groupLeadersIssueCodesOnlyForTheirOwnGroupAndMembersNotAtAll() {
        assertThat(harness.as("t002").say("绑定码 T001")).contains("绑定码：");
        assertThat(harness.as("t002").say("绑定码 C001")).contains("只能为本工会小组");
        assertThat(harness.as("t001").say("绑定码 T002")).contains("仅限工会小组长和工会委员");
        assertThat(harness.as("c001").inGroup("g").say("绑定码 T001")).contains("请私聊").doesNotContain("绑定码：");
        assertThat(harness.as("c001").say("绑定码 T999")).contains("没有找到");
    }
}
