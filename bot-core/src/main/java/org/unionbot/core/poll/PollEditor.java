package org.unionbot.core.poll;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.UnionRole;

/**
 * Edits a poll until its first vote, for the chat's 修改投票 and the API alike: the changed fields
 * ("截止：…", "选项：…", any field of the creation form) are merged into the poll's current form and the
 * result is validated exactly like a new poll. Once anybody voted, nothing can change — a ballot cast
 * on one question must not be counted for another. Who may vote and whether the ballot is secret are
 * fixed once the poll is open (the rule; the preview says so), so those two fields are refused.
 * Only the creator or the chair may edit; the audit trail records the edit (never a choice: there is
 * none yet).
 */
public final class PollEditor {

    /** What happened; {@code messageKey} names the answer, {@code args} fill it. */
    public record Outcome(boolean edited, String messageKey, List<String> args, Poll poll) {}

    private final PollService service;
    private final PollChannelRepository channels;
    private final PollAnnouncer announcer;

    /** @param channels the poll's announcement groups, changeable with 公告群; may be null with announcer */
    public PollEditor(PollService service, PollChannelRepository channels, PollAnnouncer announcer) {
        this.service = service;
        this.channels = channels;
        this.announcer = announcer;
    }

    /** The poll's current form, as a 修改投票 starting point. */
    public String currentForm(Poll poll) {
        return PollForm.format(poll.spec(), service.zone());
    }

    public Outcome edit(long pollId, String changesText, Member editor) {
        Optional<Poll> found = service.find(pollId);
        if (found.isEmpty()) {
            return new Outcome(false, "poll.vote.noSuchPoll", List.of(String.valueOf(pollId)), null);
        }
        Poll poll = found.get();
        if (poll.createdBy() != editor.id() && !editor.has(UnionRole.CHAIR)) {
            return new Outcome(false, "poll.edit.notYours", List.of(poll.title()), poll);
        }
        if (!poll.isOpen()) {
            return new Outcome(false, "poll.edit.closed", List.of(poll.title()), poll);
        }
        if (!service.repository().voters(pollId).isEmpty()) {
            return new Outcome(false, "poll.edit.hasVotes", List.of(poll.title(), service.id(poll)), poll);
        }
        Map<String, String> changes = PollForm.fields(changesText);
        if (changes.isEmpty()) {
            return new Outcome(false, "poll.edit.nothing", List.of(service.id(poll), currentForm(poll)), poll);
        }
        Optional<List<String>> newChannels = Optional.empty();
        if (changes.containsKey(PollCreationFlow.CHANNELS_FIELD)) {
            newChannels = announcer == null ? Optional.empty()
                    : announcer.parseChannels(changes.remove(PollCreationFlow.CHANNELS_FIELD));
            if (newChannels.isEmpty()) {
                return new Outcome(false, "poll.flow.badChannels", List.of(announcer == null
                        ? service.messages().get("poll.channels.noneConfigured") : announcer.choices()), poll);
            }
        }
        Map<String, String> merged = new LinkedHashMap<>(PollForm.fields(currentForm(poll)));
        merged.putAll(changes);
        PollDraft draft;
        try {
            draft = PollForm.parse(PollForm.text(merged), service.clock().instant(), service.zone());
        } catch (PollForm.FormException wrong) {
            if (wrong.key().equals(PollDraft.SECRET_LIVE_KEY) && changesFixedFields(merged, poll)) {
                // "方式：无记名" on a live named poll: the answer is that secrecy is fixed, not about the tally
                return fixed(poll);
            }
            return new Outcome(false, wrong.key(), List.of(), poll);
        }
        if (changesFixedFields(draft, poll)) {
            return fixed(poll);
        }
        try {
            if (!service.edit(pollId, draft, editor)) {
                // a vote arrived between the check above and the locked update
                return new Outcome(false, "poll.edit.hasVotes", List.of(poll.title(), service.id(poll)), poll);
            }
        } catch (IllegalArgumentException invalid) {
            String key = draft.liveTallyOfSecretBallot() ? PollDraft.SECRET_LIVE_KEY
                    : invalid.getMessage().contains("deadline") ? "poll.form.pastDeadline" : "poll.form.emptyElectorate";
            return new Outcome(false, key, List.of(), poll);
        }
        newChannels.ifPresent(names -> channels.save(pollId, names));
        Poll edited = service.find(pollId).orElseThrow();
        if (announcer != null) {
            announcer.announceEdited(edited);
        }
        return new Outcome(true, "poll.edit.done", List.of(service.id(edited), currentForm(edited),
                String.valueOf(service.repository().electorate(pollId).size())), edited);
    }

    /** Fixed once open: voters were told who votes and whether it is secret when the poll opened. */
    private static boolean changesFixedFields(PollDraft draft, Poll poll) {
        return draft.secret() != poll.secret() || !draft.electorate().equals(poll.spec().electorate());
    }

    /** As above for a form refused for its live tally: read again with results after close to compare. */
    private boolean changesFixedFields(Map<String, String> form, Poll poll) {
        Map<String, String> withoutResults = new LinkedHashMap<>(form);
        withoutResults.remove("结果");
        try {
            return changesFixedFields(PollForm.parse(PollForm.text(withoutResults), service.clock().instant(),
                    service.zone()), poll);
        } catch (PollForm.FormException other) {
            return false;
        }
    }

    private Outcome fixed(Poll poll) {
        return new Outcome(false, "poll.edit.fixed", List.of(poll.title(), service.id(poll)), poll);
    }

    /** The outcome in words. */
    public String text(Outcome outcome) {
        return service.messages().get(outcome.messageKey(), outcome.args().toArray());
    }
}
