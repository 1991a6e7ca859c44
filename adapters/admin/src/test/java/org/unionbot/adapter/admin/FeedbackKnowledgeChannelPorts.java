package org.unionbot.adapter.admin;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionbot.core.channel.ChannelAccount;
import org.unionbot.core.channel.ChannelDirectory;
import org.unionbot.core.channel.InMemoryChannelActivity;
import org.unionbot.core.feedback.CareService;
import org.unionbot.core.feedback.CareType;
import org.unionbot.core.feedback.FeedbackSettings;
import org.unionbot.core.feedback.InMemoryCareCaseRepository;
import org.unionbot.core.feedback.InMemoryProposalRepository;
import org.unionbot.core.feedback.InMemorySuggestionRepository;
import org.unionbot.core.feedback.ProposalService;
import org.unionbot.core.feedback.SuggestionService;
import org.unionbot.core.knowledge.KnowledgeBase;
import org.unionbot.core.message.Conversation;
import org.unionbot.core.message.Platform;
import org.unionbot.core.outbound.Recipient;
import org.unionbot.core.testing.ConversationHarness;
import org.unionbot.core.testing.InMemoryKnowledgeRepository;
import org.unionbot.core.testing.InMemoryUnansweredQuestions;
import org.unionbot.core.testing.RecordingTaskScheduler;

/**
 * The core services behind the suggestions, proposals, care, knowledge and channels pages, over the
 * core's in-memory ports and the harness's members and recording outbound (so "the sender is told" is
 * visible in {@code harness.outbound.sent()}). Hospital cases have a configured standard.
 */
@Configuration(proxyBeanMethods = false)
public class FeedbackKnowledgeChannelPorts {
    public static final Recipient DIGEST = new Recipient(Platform.WEB, Conversation.group("digest"), "digest");

    @Bean
    FeedbackSettings feedbackSettings() {
        return new FeedbackSettings("console-test-secret-0123".getBytes(StandardCharsets.UTF_8), 10,
                Optional.of(DIGEST), Map.of(CareType.HOSPITAL, "探望并送慰问金 500 元"), Map.of(), Duration.ofDays(3));
    }

    @Bean
    InMemorySuggestionRepository suggestionRepository() {
        return new InMemorySuggestionRepository();
    }

    @Bean
    SuggestionService suggestionService(InMemorySuggestionRepository repository, ConversationHarness h,
            FeedbackSettings settings) {
        return new SuggestionService(repository, h.members, h.state, h.outbound, h.messages, h.clock, settings);
    }

    @Bean
    InMemoryCareCaseRepository careCaseRepository() {
        return new InMemoryCareCaseRepository();
    }

    @Bean
    CareService careService(InMemoryCareCaseRepository cases, ConversationHarness h, FeedbackSettings settings) {
        return new CareService(cases, h.members, h.outbound, new RecordingTaskScheduler(), h.messages, h.clock, settings);
    }

    @Bean
    InMemoryProposalRepository proposalRepository() {
        return new InMemoryProposalRepository();
    }

    @Bean
    ProposalService proposalService(InMemoryProposalRepository proposals, ConversationHarness h) {
        return new ProposalService(proposals, h.members, h.outbound, h.messages, h.clock);
    }

    @Bean
    InMemoryKnowledgeRepository knowledgeRepository() {
        return new InMemoryKnowledgeRepository();
    }

    @Bean
    KnowledgeBase knowledgeBase(InMemoryKnowledgeRepository repository, ConversationHarness h) {
        KnowledgeBase knowledge = new KnowledgeBase(repository, h.messages, null, Map.of(),
                KnowledgeBase.Thresholds.DEFAULT);
        knowledge.reload();
        return knowledge;
    }

    @Bean
    org.unionbot.core.i18n.Messages messages(ConversationHarness h) {
        return h.messages;
    }

    @Bean
    InMemoryUnansweredQuestions unansweredQuestions() {
        return new InMemoryUnansweredQuestions();
    }

    @Bean
    org.unionbot.core.knowledge.AnswerQuestionCommand answerQuestionCommand(KnowledgeBase knowledge,
            InMemoryUnansweredQuestions unanswered, ConversationHarness h) {
        var fallback = new org.unionbot.core.knowledge.KnowledgeFallback(knowledge, h.members, unanswered, h.state,
                h.outbound, h.messages, h.clock);
        return new org.unionbot.core.knowledge.AnswerQuestionCommand(unanswered, knowledge, fallback, h.members,
                h.messages, h.clock);
    }

    @Bean
    InMemoryChannelActivity channelActivity(ConversationHarness h) {
        return new InMemoryChannelActivity(h.clock, 20);
    }

    @Bean
    ChannelDirectory channelDirectory() {
        return new ChannelDirectory(List.of(new ChannelAccount(Platform.WEB, "网页聊天", "本机网页聊天", "web"),
                new ChannelAccount(Platform.WECOM, "企业微信应用", "企业 ww1 应用 1000002", "ww1/1000002"),
                new ChannelAccount(Platform.DINGTALK, "钉钉群机器人", "工会群", "工会群")));
    }
}
