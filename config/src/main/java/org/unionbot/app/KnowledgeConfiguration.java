package org.unionbot.app;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.unionbot.core.command.Command;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.knowledge.AnswerQuestionCommand;
import org.unionbot.core.knowledge.KnowledgeBase;
import org.unionbot.core.knowledge.KnowledgeFallback;
import org.unionbot.core.knowledge.KnowledgeRepository;
import org.unionbot.core.knowledge.LoadProblem;
import org.unionbot.core.knowledge.ReloadKnowledgeCommand;
import org.unionbot.core.knowledge.UnansweredCommand;
import org.unionbot.core.knowledge.UnansweredQuestionRepository;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.outbound.OutboundRouter;
import org.unionbot.core.state.ConversationStateStore;
import org.unionbot.persistence.knowledge.KnowledgePersistenceConfiguration;

/**
 * The union's knowledge base (issue 3): loaded at start from the shipped defaults and the school's
 * folder, answering as the engine's fallback, with the committee's commands 未解答问题, 转为问答 and
 * 重新加载问答.
 */
@Configuration(proxyBeanMethods = false)
@Import(KnowledgePersistenceConfiguration.class)
class KnowledgeConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeConfiguration.class);

    @Bean
    KnowledgeBase knowledgeBase(KnowledgeRepository repository, Messages messages, KnowledgeProperties properties) {
        KnowledgeBase knowledge = new KnowledgeBase(repository, messages, properties.dir(), properties.settings(),
                KnowledgeBase.Thresholds.DEFAULT);
        KnowledgeBase.ReloadReport report = knowledge.reload();
        if (report.applied()) {
            LOG.info("knowledge loaded: {} entries in {} ms (school folder {})", report.entries(),
                    report.took().toMillis(), properties.dir().toAbsolutePath());
        } else {
            for (LoadProblem problem : report.problems()) {
                LOG.warn("knowledge file {} line {}: {}", problem.file(), problem.line(), problem.message());
            }
            LOG.warn("knowledge files have {} problems; serving the last good knowledge ({} entries)",
                    report.problems().size(), report.entries());
        }
        return knowledge;
    }

    @Bean
    KnowledgeFallback knowledgeFallback(KnowledgeBase knowledge, MemberRepository members,
                                        UnansweredQuestionRepository unanswered, ConversationStateStore state,
                                        OutboundRouter outbound, Messages messages, Clock clock) {
        return new KnowledgeFallback(knowledge, members, unanswered, state, outbound, messages, clock);
    }

    @Bean
    Command unansweredCommand(UnansweredQuestionRepository unanswered, MemberRepository members, Messages messages,
                              UnionBotProperties properties) {
        return new UnansweredCommand(unanswered, members, messages, properties.timeZone());
    }

    @Bean
    Command answerQuestionCommand(UnansweredQuestionRepository unanswered, KnowledgeBase knowledge,
                                  KnowledgeFallback fallback, MemberRepository members, Messages messages, Clock clock) {
        return new AnswerQuestionCommand(unanswered, knowledge, fallback, members, messages, clock);
    }

    @Bean
    Command reloadKnowledgeCommand(KnowledgeBase knowledge, Messages messages) {
        return new ReloadKnowledgeCommand(knowledge, messages);
    }
}
