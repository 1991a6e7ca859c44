package org.unionbot.core.poll;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.message.Reply;
import org.unionbot.core.outbound.DeliveryException;
import org.unionbot.core.outbound.GroupChannels;
import org.unionbot.core.outbound.OutboundPort;
import org.unionbot.core.outbound.Recipient;

/**
 * Announces a poll in its group chats when it opens, and its result there when it closes, through the
 * outbound channels (a group robot, a platform group, the web group board).
 *
 * <p>A group announcement never invites a reply in the group: it says how to vote in the private chat
 * (for a secret ballot explicitly not in the group), because a reply in a group is visible to all. A
 * committee-only result is not posted to groups at all; the group is told that the poll closed.
 */
public final class PollAnnouncer {
    private static final System.Logger LOG = System.getLogger(PollAnnouncer.class.getName());

    private final PollService service;
    private final PollChannelRepository channels;
    private final GroupChannels groups;
    private final OutboundPort outbound;
    private final Messages messages;
    private final List<PollGroupPresenter> presenters;

    public PollAnnouncer(PollService service, PollChannelRepository channels, GroupChannels groups,
                         OutboundPort outbound) {
        this(service, channels, groups, outbound, List.of());
    }

    public PollAnnouncer(PollService service, PollChannelRepository channels, GroupChannels groups,
                         OutboundPort outbound, List<PollGroupPresenter> presenters) {
        this.service = service;
        this.channels = channels;
        this.groups = groups;
        this.outbound = outbound;
        this.messages = service.messages();
        this.presenters = List.copyOf(presenters);
    }

    public GroupChannels groups() {
        return groups;
    }

    /**
     * Reads the channel names a creator wrote ("全体教职工群、工会委员群", or 不公告).
     *
     * @return the names, or empty when one of them is not configured (the caller names the choices)
     */
    public Optional<List<String>> parseChannels(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.equals("不公告") || t.equals("无") || t.equals("不")) {
            return Optional.of(List.of());
        }
        List<String> names = new ArrayList<>();
        for (String part : t.split("[、,，;；\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            if (groups.find(part).isEmpty()) {
                return Optional.empty();
            }
            if (!names.contains(part.strip())) {
                names.add(part.strip());
            }
        }
        return Optional.of(names);
    }

    /** The configured channel names, for prompts ("可选：…"). */
    public String choices() {
        return groups.isEmpty() ? messages.get("poll.channels.noneConfigured") : String.join("、", groups.names());
    }

    /** Remembers where the poll was announced and posts the announcement there. @return groups reached */
    public int announceOpened(Poll poll, List<String> channelNames) {
        channels.save(poll.id(), channelNames);
        if (poll.secret() || presenters.isEmpty()) {
            return post(channelNames, openedText(poll));
        }
        int reached = 0;
        List<String> asText = new ArrayList<>();
        for (String name : channelNames) {
            Optional<Recipient> group = groups.find(name);
            if (group.isPresent() && presented(group.get(), poll)) {
                reached++;
            } else {
                asText.add(name);
            }
        }
        return reached + (asText.isEmpty() ? 0 : post(asText, openedText(poll)));
    }

    private boolean presented(Recipient group, Poll poll) {
        for (PollGroupPresenter presenter : presenters) {
            try {
                if (presenter.present(group, poll)) {
                    return true;
                }
            } catch (RuntimeException failed) {
                // a broken card must not cost the group its announcement: the text goes instead
                LOG.log(Level.WARNING, "poll presenter failed for a group; sending text: {0}", failed.toString());
            }
        }
        return false;
    }

    /** Posts the edited poll to the groups it was announced in (an edit happens before any vote). */
    public int announceEdited(Poll poll) {
        List<String> names = channels.channels(poll.id());
        return names.isEmpty() ? 0 : post(names, messages.get("poll.group.edited") + "\n" + openedText(poll));
    }

    /** Posts the result (or, for committee-only results, that the poll closed) to the poll's groups. */
    public int announceResult(PollResult result) {
        Poll poll = result.poll();
        List<String> names = channels.channels(poll.id());
        if (names.isEmpty()) {
            return 0;
        }
        String text = poll.spec().visibility() == Visibility.COMMITTEE
                ? messages.get("poll.group.closedCommitteeOnly", poll.title(), service.id(poll))
                : messages.get("poll.group.result", service.renderResult(result));
        return post(names, text);
    }

    /** Closes the poll (command or deadline) and posts its result to its groups; a second close does nothing. */
    public Optional<PollResult> close(long pollId, long closedBy) {
        Optional<PollResult> result = service.close(pollId, closedBy);
        result.ifPresent(this::announceResult);
        return result;
    }

    String openedText(Poll poll) {
        StringBuilder b = new StringBuilder(messages.get("poll.group.opened", service.id(poll), poll.title(),
                service.deadline(poll), messages.get(poll.secret() ? "poll.mode.secret" : "poll.mode.named")));
        for (int i = 0; i < poll.spec().options().size(); i++) {
            b.append('\n').append(i + 1).append(". ").append(poll.spec().options().get(i));
        }
        b.append('\n').append(messages.get(poll.secret() ? "poll.group.howto.secret" : "poll.group.howto.named",
                service.id(poll)));
        return b.toString();
    }

    private int post(List<String> names, String text) {
        int reached = 0;
        for (String name : names) {
            Optional<Recipient> recipient = groups.find(name);
            if (recipient.isEmpty()) {
                LOG.log(Level.WARNING, "poll announcement: group channel {0} is no longer configured", name);
                continue;
            }
            try {
                outbound.deliver(recipient.get(), Reply.text(text));
                reached++;
            } catch (DeliveryException failed) {
                LOG.log(Level.WARNING, "poll announcement not delivered to {0}: {1}", name, failed.getMessage());
            }
        }
        return reached;
    }
}
