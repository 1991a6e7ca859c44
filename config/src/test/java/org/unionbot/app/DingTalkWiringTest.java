package org.unionbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.unionbot.adapter.dingtalk.DingTalkOutbound;
import org.unionbot.adapter.dingtalk.DingTalkSettings;
import org.unionbot.core.engine.ConversationEngine;
import org.unionbot.core.testing.ConversationHarness;

/** The DingTalk adapter starts only when configured, and never prints its secrets. */
class DingTalkWiringTest {
    private final ConversationHarness harness = ConversationHarness.create();
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(DingTalkWiring.class)
            .withBean(ConversationEngine.class, harness::engine)
            // Poll cards need the polls feature and the web adapter's signed poll links, as in the app.
            .withBean(org.unionbot.core.poll.PollService.class, () -> new org.unionbot.core.poll.PollService(
                    new org.unionbot.core.poll.InMemoryPollRepository(), harness.members,
                    new org.unionbot.core.testing.RecordingTaskScheduler(), harness.outbound, harness.messages,
                    harness.clock))
            .withBean(org.unionbot.adapter.web.poll.PollLinks.class,
                    () -> new org.unionbot.adapter.web.poll.PollLinks(null, "http://localhost:8080",
                            java.time.Clock.systemUTC()));

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void withoutAppsNothingDingTalkStarts() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(DingTalkOutbound.class);
            assertThat(context).doesNotHaveBean(DingTalkSettings.class);
        });
    }

    @Test
    void anHttpModeAppStartsTheAdapterWithMaskedSecrets() {
        runner.withPropertyValues(
                        "unionbot.dingtalk.apps[0].app-key=dingkey",
                        "unionbot.dingtalk.apps[0].app-secret=very-secret-value",
                        "unionbot.dingtalk.apps[0].mode=http",
                        "unionbot.dingtalk.apps[0].event-token=tok-secret",
                        "unionbot.dingtalk.apps[0].event-aes-key=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
                        "unionbot.dingtalk.group-robots[0].name=语文组",
                        "unionbot.dingtalk.group-robots[0].access-token=robot-token-secret",
                        "unionbot.dingtalk.group-robots[0].secret=SECrobotsecret",
                        "unionbot.dingtalk.cards.template-id=tpl.schema",
                        "unionbot.dingtalk.cards.callback-type=http",
                        "unionbot.dingtalk.cards.api-secret=card-secret-value")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(DingTalkOutbound.class);
                    DingTalkSettings settings = context.getBean(DingTalkSettings.class);
                    assertThat(settings.apps().get(0).robotCode()).isEqualTo("dingkey");
                    assertThat(settings.apps().get(0).receiveMode()).isEqualTo(DingTalkSettings.Mode.HTTP);
                    assertThat(settings.toString()).contains("dingkey").doesNotContain("very-secret-value")
                            .doesNotContain("tok-secret").doesNotContain("abcdefghij")
                            .doesNotContain("robot-token-secret").doesNotContain("SECrobotsecret")
                            .contains("tpl.schema").doesNotContain("card-secret-value");
                    assertThat(settings.cards().httpCallbacks()).isTrue();
                    assertThat(context.getBeansOfType(org.unionbot.core.command.Command.class).values())
                            .anyMatch(command -> command.spec().name().equals("投票卡片"));
                });
    }

    @Test
    void anUnknownModeFailsAtStartUp() {
        runner.withPropertyValues("unionbot.dingtalk.apps[0].app-key=k", "unionbot.dingtalk.apps[0].app-secret=s",
                "unionbot.dingtalk.apps[0].mode=websocket").run(context -> assertThat(context).hasFailed());
    }
}
