package org.unionbot.adapter.web.poll;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
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
import org.unionbot.core.poll.PollForm;
import org.unionbot.core.poll.PollService;

/**
 * {@code POST /api/polls}: creates and opens a poll from the same form text as the chat's 发起投票, for a
 * committee member identified by their signed web token ({@code X-Unionbot-Token}); the same validation
 * and the same rules apply. Closed when no link secret is configured (the demo).
 */
@RestController
class PollApiController {
    private final PollService service;
    private final MemberRepository members;
    private final WebLinkSigner signer;

    PollApiController(PollService service, MemberRepository members, WebChatSettings settings,
                      org.springframework.beans.factory.ObjectProvider<java.time.Clock> clock) {
        this.service = service;
        this.members = members;
        this.signer = settings.hasLinkSecret()
                ? new WebLinkSigner(settings.linkSecret(), clock.getIfUnique(java.time.Clock::systemUTC)) : null;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CreateRequest(String form) {}

    @PostMapping("/api/polls")
    ResponseEntity<Map<String, Object>> create(@RequestHeader(name = "X-Unionbot-Token", required = false) String token,
                                               @RequestBody CreateRequest request) {
        Optional<Member> member = Optional.ofNullable(signer).map(s -> s.verify(token))
                .filter(WebLinkSigner.Verification::isValid)
                .flatMap(v -> members.findByIdentity(Platform.WEB, v.userId()));
        if (member.isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "a valid token is required"));
        }
        if (!member.get().isCommittee()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "committee members only"));
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
