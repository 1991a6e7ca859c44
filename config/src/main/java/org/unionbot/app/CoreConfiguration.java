package org.unionbot.app;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.unionbot.persistence.MyBatisMemberRepository;
import org.unionbot.adapter.web.WebChatSettings;
import org.unionbot.core.command.Command;
import org.unionbot.core.engine.ConversationEngine;
import org.unionbot.core.engine.EngineSettings;
import org.unionbot.core.engine.FallbackHandler;
import org.unionbot.core.engine.PendingFlows;
import org.unionbot.core.engine.ProcessedMessageLog;
import org.unionbot.core.engine.StandardEngine;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.BindingCodeRepository;
import org.unionbot.core.member.BindingService;
import org.unionbot.core.member.CachingMemberRepository;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.roster.RosterImporter;
import org.unionbot.core.outbound.GroupChannels;
import org.unionbot.core.outbound.OutboundRouter;
import org.unionbot.core.outbound.Recipient;
import org.unionbot.core.outbound.PlatformOutbound;
import org.unionbot.core.state.ConversationStateStore;

/** Wires the plain-Java core as beans; the core itself knows nothing of Spring. */
@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

    @Bean
    Clock clock(UnionBotProperties properties) {
        return Clock.system(properties.timeZone());
    }

    /**
     * The roster as every consumer sees it: the database repository behind a short-lived cache, so a
     * chat message costs no database round trip to find its sender (see {@link CachingMemberRepository}).
     */
    @Bean
    @Primary
    CachingMemberRepository cachedMembers(MyBatisMemberRepository database, Clock clock, UnionBotProperties properties) {
        return new CachingMemberRepository(database, clock, properties.cache().memberTtl());
    }

    @Bean
    Messages messages() {
        return Messages.chinese();
    }

    @Bean
    BindingService bindingService(MemberRepository members, BindingCodeRepository codes,
                                  ConversationStateStore state, Clock clock, UnionBotProperties properties) {
        return new BindingService(members, codes, state, clock, properties.binding().codeLifetime());
    }

    @Bean
    RosterImporter rosterImporter(MemberRepository members, Messages messages) {
        return new RosterImporter(members, messages);
    }

    /**
     * The web chat trusts the {@code user} of a request only in the demo; with a real database the
     * identity must come from a signed link.
     */
    @Bean
    WebChatSettings webChatSettings(UnionBotProperties properties) {
        var web = properties.web();
        boolean demoIdentities = properties.demoActive() && (web.demoIdentities() == null || web.demoIdentities());
        return new WebChatSettings(demoIdentities, web.linkSecret(), web.maxTextLength());
    }

    /** Every adapter's {@link PlatformOutbound}; deferred answers and reminders go out through it. */
    @Bean
    OutboundRouter outboundRouter(List<PlatformOutbound> adapters, org.unionbot.core.channel.ChannelActivity activity) {
        return new OutboundRouter(adapters, activity);
    }

    @Bean
    Housekeeping housekeeping(org.unionbot.persistence.MyBatisProcessedMessageLog processed,
                              org.unionbot.persistence.JdbcConversationStateStore state,
                              org.unionbot.persistence.poll.JdbcPollCardRegistry pollCards,
                              org.unionbot.core.schedule.TaskScheduler scheduler, Clock clock) {
        return new Housekeeping(processed, state, pollCards, scheduler, clock);
    }

    /** The configured group chats; a misspelt platform stops the start rather than losing announcements. */
    @Bean
    GroupChannels groupChannels(ChannelsProperties properties) {
        Map<String, Recipient> byName = new LinkedHashMap<>();
        for (ChannelsProperties.Group group : properties.groups()) {
            if (group.name() == null || group.name().isBlank()) {
                throw new IllegalStateException("unionbot.channels.groups: every group needs a name");
            }
            try {
                if (byName.put(group.name().strip(), GroupChannels.parse(group.target())) != null) {
                    throw new IllegalStateException("unionbot.channels.groups: " + group.name() + " is named twice");
                }
            } catch (IllegalArgumentException wrong) {
                throw new IllegalStateException("unionbot.channels.groups " + group.name() + ": " + wrong.getMessage(), wrong);
            }
        }
        return new GroupChannels(byName);
    }

    /** Multi-step flows (guided poll creation, 我想提建议) keep their place in the shared state store. */
    @Bean
    PendingFlows pendingFlows(ConversationStateStore state, Clock clock) {
        return new PendingFlows(state, clock, PendingFlows.DEFAULT_TIMEOUT);
    }

    /**
     * Feature commands are beans of type {@link Command}; a {@link FallbackHandler} bean (the knowledge
     * base) answers what no command matches, else the guiding fallback does.
     */
    @Bean(destroyMethod = "close")
    ConversationEngine conversationEngine(MemberRepository members, ProcessedMessageLog processed,
                                          BindingService binding, OutboundRouter outbound, Messages messages,
                                          UnionBotProperties properties, List<Command> featureCommands,
                                          ObjectProvider<FallbackHandler> fallback, PendingFlows flows) {
        var engine = properties.engine();
        return StandardEngine.build(new StandardEngine.Parts(members, processed, binding, outbound, messages,
                new EngineSettings(engine.answerBudget(), engine.workerThreads(), engine.queueCapacity()),
                featureCommands, fallback.getIfAvailable(), flows));
    }
}
