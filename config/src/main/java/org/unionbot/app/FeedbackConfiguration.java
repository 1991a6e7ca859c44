package org.unionbot.app;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.unionbot.core.command.Command;
import org.unionbot.core.feedback.CareCaseRepository;
import org.unionbot.core.feedback.CareCommands;
import org.unionbot.core.feedback.CareService;
import org.unionbot.core.feedback.CareType;
import org.unionbot.core.feedback.FeedbackSettings;
import org.unionbot.core.feedback.IdeaCommands;
import org.unionbot.core.feedback.IdeaRepository;
import org.unionbot.core.feedback.IdeaService;
import org.unionbot.core.feedback.ProposalCommands;
import org.unionbot.core.feedback.ShortlistPolls;
import org.unionbot.core.feedback.ProposalRepository;
import org.unionbot.core.feedback.ProposalService;
import org.unionbot.core.feedback.SubmissionCounter;
import org.unionbot.core.feedback.SuggestionCommands;
import org.unionbot.core.feedback.SuggestionRepository;
import org.unionbot.core.feedback.SuggestionService;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.message.Conversation;
import org.unionbot.core.message.Platform;
import org.unionbot.core.engine.PendingFlows;
import org.unionbot.core.outbound.GroupChannels;
import org.unionbot.core.outbound.OutboundRouter;
import org.unionbot.core.outbound.Recipient;
import org.unionbot.core.schedule.TaskScheduler;
import org.unionbot.core.state.ConversationStateStore;
import org.unionbot.persistence.feedback.FeedbackPersistenceConfiguration;

/**
 * Wires suggestions, proposals and care cases: the core services over the database repositories, and
 * each of their commands as a {@link Command} bean (registered by index, see {@link CommandBeans}).
 */
@Configuration(proxyBeanMethods = false)
@Import({FeedbackPersistenceConfiguration.class, FeedbackConfiguration.CommandBeans.class})
class FeedbackConfiguration {
    private static final System.Logger LOG = System.getLogger(FeedbackConfiguration.class.getName());
    static final int COMMAND_COUNT = SuggestionCommands.COUNT + CareCommands.COUNT + ProposalCommands.COUNT
            + IdeaCommands.COUNT;

    @Bean
    FeedbackSettings feedbackSettings(FeedbackProperties properties, GroupChannels groups) {
        byte[] secret;
        if (properties.rateSecret() == null || properties.rateSecret().isBlank()) {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            LOG.log(Level.WARNING, "unionbot.feedback.rate-secret is not set; using a random key for this start");
        } else {
            secret = properties.rateSecret().getBytes(StandardCharsets.UTF_8);
        }
        Optional<Recipient> digest = Optional.empty();
        var d = properties.digest();
        if (d.group() != null && !d.group().isBlank()) {
            digest = Optional.of(groups.find(d.group()).orElseThrow(() -> new IllegalStateException(
                    "unionbot.feedback.digest.group names " + d.group() + ", which is not in unionbot.channels.groups")));
        } else if (d.configured()) {
            // a group conversation on that platform: the digest is public, never a member's inbox
            Platform platform = Platform.fromCode(d.platform().strip());
            String id = d.recipient().strip();
            digest = Optional.of(new Recipient(platform, Conversation.group(id), id));
        }
        return new FeedbackSettings(secret, properties.dailyLimit(), digest,
                byCareType(properties.care().standards()), byCareType(properties.care().handlers()),
                properties.care().followUpEvery());
    }

    /** Also the {@link org.unionbot.core.schedule.ScheduledTask} of the public digest. */
    @Bean
    SuggestionService suggestionService(SuggestionRepository suggestions, MemberRepository members,
                                        ConversationStateStore state, SubmissionCounter counter,
                                        OutboundRouter outbound, Messages messages, Clock clock,
                                        FeedbackSettings settings) {
        return new SuggestionService(suggestions, members, state, counter, outbound, messages, clock, settings);
    }

    @Bean
    FeedbackScheduling feedbackScheduling(TaskScheduler scheduler, FeedbackProperties properties, Clock clock) {
        return new FeedbackScheduling(scheduler, properties, clock);
    }

    /** Also the {@link org.unionbot.core.schedule.ScheduledTask} of care follow-up reminders. */
    @Bean
    CareService careService(CareCaseRepository cases, MemberRepository members, OutboundRouter outbound,
                            TaskScheduler scheduler, Messages messages, Clock clock, FeedbackSettings settings) {
        return new CareService(cases, members, outbound, scheduler, messages, clock, settings);
    }

    @Bean
    ProposalService proposalService(ProposalRepository proposals, MemberRepository members, OutboundRouter outbound,
                                    Messages messages, Clock clock) {
        return new ProposalService(proposals, members, outbound, messages, clock);
    }

    /**
     * The shortlist → poll step uses a {@link ShortlistPolls} bean when the polls feature provides one;
     * without it 金点子投票 shows the shortlist and says voting is not connected.
     */
    @Bean
    IdeaService ideaService(IdeaRepository ideas, MemberRepository members, ObjectProvider<ShortlistPolls> polls,
                            Messages messages, Clock clock) {
        return new IdeaService(ideas, members, Optional.ofNullable(polls.getIfAvailable()), messages, clock);
    }

    @Bean
    FeedbackCommandSet feedbackCommandSet(SuggestionService suggestions, CareService care, ProposalService proposals,
                                          IdeaService ideas, Messages messages, PendingFlows flows) {
        List<Command> all = new ArrayList<>(SuggestionCommands.all(suggestions, messages, flows));
        all.addAll(CareCommands.all(care, messages));
        all.addAll(ProposalCommands.all(proposals, messages, flows));
        all.addAll(IdeaCommands.all(ideas, messages));
        if (all.size() != COMMAND_COUNT) {
            throw new IllegalStateException("feedback commands changed; update COMMAND_COUNT");
        }
        return new FeedbackCommandSet(all);
    }

    /** A misspelt care type in the configuration stops the start rather than being ignored. */
    static Map<CareType, String> byCareType(Map<String, String> configured) {
        Map<CareType, String> result = new EnumMap<>(CareType.class);
        if (configured != null) {
            configured.forEach((key, value) -> result.put(CareType.parse(key).orElseThrow(() ->
                    new IllegalStateException("unknown care type in unionbot.feedback.care: " + key)), value.strip()));
        }
        return result;
    }

    /** The feature's commands, built once from the services. */
    record FeedbackCommandSet(List<Command> commands) {}

    /**
     * Registers each feedback command as its own {@link Command} bean, as the engine collects them.
     * The count is fixed by the core ({@code COUNT}); a mismatch fails at start-up.
     */
    static final class CommandBeans implements BeanRegistrar {
        @Override
        public void register(BeanRegistry registry, Environment env) {
            for (int i = 0; i < COMMAND_COUNT; i++) {
                int index = i;
                registry.registerBean("feedbackCommand" + i, Command.class,
                        spec -> spec.supplier(context -> context.bean(FeedbackCommandSet.class).commands().get(index)));
            }
        }
    }
}
