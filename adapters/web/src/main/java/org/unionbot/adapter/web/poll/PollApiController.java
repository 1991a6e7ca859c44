package org.unionbot.adapter.web.poll;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.unionbot.adapter.web.WebChatSettings;
import org.unionbot.adapter.web.WebLinkSigner;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.message.Platform;
import org.unionbot.core.poll.Poll;
import org.unionbot.core.poll.PollDraft;
import org.unionbot.core.poll.PollEditor;
import org.unionbot.core.poll.PollForm;
import org.unionbot.core.poll.PollService;

/**
 * {@code POST /api/polls}: creates and opens a poll from the same form text as the chat's 发起投票, for a
 * committee member identified by their signed web token ({@code X-Unionbot-Token}); the same validation
 * and the same rules apply; {@code PUT /api/polls/{id}} edits it until the first vote. Closed when no link
 * secret is configured (the demo).
 */
@RestController
class PollApiController {
    private final PollService service;
    private final MemberRepository members;
    private final WebLinkSigner signer;
    private final PollEditor editor;

    PollApiController(PollService service, MemberRepository members, WebChatSettings settings,
                      org.springframework.beans.factory.ObjectProvider<java.time.Clock> clock,
                      org.springframework.beans.factory.ObjectProvider<PollEditor> editor) {
        this.service = service;
        this.members = members;
        this.editor = editor.getIfAvailable();
        this.signer = settings.hasLinkSecret()
                ? new WebLinkSigner(settings.linkSecret(), clock.getIfUnique(java.time.Clock::systemUTC)) : null;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CreateRequest(String form) {}

    /**
     * {@code PUT /api/polls/{id}} with {@code {"form": "截止：3天\n选项：甲、乙"}}: the changed fields, merged
     * into the poll's form; allowed until the first vote (then 409), to the creator or the chair (403).
     */
    @PutMapping("/api/polls/{id}")
    ResponseEntity<Map<String, Object>> edit(@RequestHeader(name = "X-Unionbot-Token", required = false) String token,
                                             @PathVariable("id") long id, @RequestBody CreateRequest request) {
        Optional<Member> member = committeeMember(token);
        if (member.isEmpty() || !member.get().isCommittee()) {
            return refused(member);
        }
        if (editor == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "editing is not available"));
        }
        if (request == null || request.form() == null) {
            return ResponseEntity.badRequest().body(Map.of("error", "form is missing"));
        }
        PollEditor.Outcome outcome = editor.edit(id, request.form(), member.get());
        String text = editor.text(outcome);
        if (outcome.edited()) {
            Poll poll = outcome.poll();
            return ResponseEntity.ok(Map.of("id", poll.id(), "title", poll.title(),
                    "electorate", service.repository().electorate(poll.id()).size(),
                    "deadline", poll.spec().deadline().toString(), "secret", poll.secret(), "message", text));
        }
        HttpStatus status = switch (outcome.messageKey()) {
            case "poll.vote.noSuchPoll" -> HttpStatus.NOT_FOUND;
            case "poll.edit.notYours" -> HttpStatus.FORBIDDEN;
            case "poll.edit.hasVotes", "poll.edit.closed" -> HttpStatus.CONFLICT;
            default -> HttpStatus.BAD_REQUEST;
        };
        return ResponseEntity.status(status).body(Map.of("error", text));
    }

    private Optional<Member> committeeMember(String token) {
        return Optional.ofNullable(signer).map(s -> s.verify(token))
                .filter(WebLinkSigner.Verification::isValid)
                .flatMap(v -> members.findByIdentity(Platform.WEB, v.userId()));
    }

    private static ResponseEntity<Map<String, Object>> refused(Optional<Member> member) {
        if (member.isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "a valid token is required"));
        }
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "committee members only"));
    }

    @PostMapping("/api/polls")
    ResponseEntity<Map<String, Object>> create(@RequestHeader(name = "X-Unionbot-Token", required = false) String token,
                                               @RequestBody CreateRequest request) {
        Optional<Member> member = committeeMember(token);
        if (member.isEmpty() || !member.get().isCommittee()) {
            return refused(member);
        }
        if (request == null || request.form() == null) {
            return ResponseEntity.badRequest().body(Map.of("error", "form is missing"));
        }
        try {
            PollDraft draft = PollForm.parse(request.form(), service.clock().instant(), service.zone());
            Poll poll = service.open(draft, member.get());
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", poll.id(), "title", poll.title(),
                    "electorate", service.repository().electorate(poll.id()).size(),
                    "deadline", poll.spec().deadline().toString(), "secret", poll.secret()));
        } catch (PollForm.FormException wrong) {
            return ResponseEntity.badRequest().body(Map.of("error", service.messages().get(wrong.key())));
        } catch (IllegalArgumentException wrong) {
            return ResponseEntity.badRequest().body(Map.of("error", wrong.getMessage()));
        }
    }
}
