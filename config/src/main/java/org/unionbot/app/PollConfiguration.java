package org.unionbot.app;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.unionbot.adapter.web.poll.PollWebConfiguration;
import org.unionbot.core.command.Command;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.outbound.OutboundRouter;
import org.unionbot.core.command.BareNumberClaimant;
import org.unionbot.core.poll.ConfirmPollCommand;
import org.unionbot.core.poll.CreatePollCommand;
import org.unionbot.core.poll.EditPollCommand;
import org.unionbot.core.poll.PollAnnouncer;
import org.unionbot.core.poll.PollBallotPresenter;
import org.unionbot.core.poll.PollGroupPresenter;
import org.unionbot.core.poll.PollChannelRepository;
import org.unionbot.core.poll.PollEditor;
import org.unionbot.core.engine.PendingFlows;
import org.unionbot.core.outbound.GroupChannels;
import org.unionbot.core.poll.PollAdminCommand;
import org.unionbot.core.poll.PollCloseTask;
import org.unionbot.core.poll.IdeaShortlistPolls;
import org.unionbot.core.poll.PollExport;
import org.unionbot.core.poll.PollRepository;
import org.unionbot.core.poll.PollService;
import org.unionbot.core.poll.VoteCommand;
import org.unionbot.core.schedule.ScheduledTask;
import org.unionbot.core.schedule.TaskScheduler;
import org.unionbot.core.state.ConversationStateStore;
import org.unionbot.persistence.poll.PollPersistenceConfiguration;

/** Polls: the service, its chat commands, the deadline task, the repository and the web page. */
@Configuration(proxyBeanMethods = false)
@Import({PollPersistenceConfiguration.class, PollWebConfiguration.class})
class PollConfiguration {

    @Bean
    PollService pollService(PollRepository polls, MemberRepository members, TaskScheduler scheduler,
                            OutboundRouter outbound, Messages messages, Clock clock,
                            ObjectProvider<PollBallotPresenter> ballotCards) {
        // read when a reminder goes out: the platforms' card presenters are built from this service
        return new PollService(polls, members, scheduler, outbound, messages, clock,
                () -> ballotCards.orderedStream().toList());
    }

    /** Idea rounds (金点子) open their shortlist poll through the polls feature. */
    @Bean
    IdeaShortlistPolls ideaShortlistPolls(PollService service, Messages messages) {
        return new IdeaShortlistPolls(service, messages);
    }

    @Bean
    PollExport pollExport(PollService service) {
        return new PollExport(service);
    }

    /** Posts polls and their results to the group chats named at creation (公告群). */
    @Bean
    PollAnnouncer pollAnnouncer(PollService service, PollChannelRepository channels, GroupChannels groups,
                                OutboundRouter outbound, ObjectProvider<PollGroupPresenter> presenters) {
        // platforms that can show a poll richer than text (DingTalk's card) take their groups first
        return new PollAnnouncer(service, channels, groups, outbound, presenters.orderedStream().toList());
    }

    @Bean
    PollEditor pollEditor(PollService service, PollChannelRepository channels, PollAnnouncer announcer) {
        return new PollEditor(service, channels, announcer);
    }

    @Bean
    ScheduledTask pollCloseTask(PollService service, PollAnnouncer announcer) {
        return new PollCloseTask(service, announcer);
    }

    /** Other features' {@link BareNumberClaimant} beans (the knowledge base's did-you-mean) get numbers first. */
    @Bean
    Command voteCommand(PollService service, ObjectProvider<BareNumberClaimant> claimants) {
        return new VoteCommand(service, claimants.orderedStream().toList());
    }

    /** 发起投票: the guided flow without arguments, the one-message form with them. */
    @Bean
    Command createPollCommand(PollService service, ConversationStateStore state, PendingFlows flows,
                              PollAnnouncer announcer) {
        return new CreatePollCommand(service, state, flows, announcer);
    }

    @Bean
    Command confirmPollCommand(PollService service, ConversationStateStore state, PollAnnouncer announcer) {
        return new ConfirmPollCommand(service, state, announcer);
    }

    @Bean
    Command editPollCommand(PollService service, PollEditor editor) {
        return new EditPollCommand(service, editor);
    }

    @Bean
    Command closePollCommand(PollService service, PollAnnouncer announcer) {
        return new PollAdminCommand(service, PollAdminCommand.Action.CLOSE, announcer);
    }

    @Bean
    Command pollResultCommand(PollService service) {
        return new PollAdminCommand(service, PollAdminCommand.Action.RESULT);
    }

    @Bean
    Command pollTurnoutCommand(PollService service) {
        return new PollAdminCommand(service, PollAdminCommand.Action.TURNOUT);
    }

    @Bean
    Command pollNudgeCommand(PollService service) {
        return new PollAdminCommand(service, PollAdminCommand.Action.NUDGE);
    }

    @Bean
    Command pollReceiptCommand(PollService service) {
        return new PollAdminCommand(service, PollAdminCommand.Action.RECEIPT);
    }

    @Bean
    Command pollBallotsCommand(PollService service) {
        return new PollAdminCommand(service, PollAdminCommand.Action.BALLOTS);
    }
}
