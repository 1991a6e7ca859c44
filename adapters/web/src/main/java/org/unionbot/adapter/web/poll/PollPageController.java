package org.unionbot.adapter.web.poll;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.poll.BallotParser;
import org.unionbot.core.poll.Choices;
import org.unionbot.core.poll.Poll;
import org.unionbot.core.poll.PollExport;
import org.unionbot.core.poll.PollKind;
import org.unionbot.core.poll.PollService;

/**
 * The poll's web page: a member opens their signed link, sees the ballot and votes without logging in;
 * the same rules as in chat apply because the vote goes through {@link PollService}. The page is plain
 * server-rendered HTML (no script), so it works in the WeChat/WeCom/DingTalk in-app browsers.
 */
@RestController
class PollPageController {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("org.unionbot.adapter.web.poll.messages",
            Locale.SIMPLIFIED_CHINESE);
    private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);
    private static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final PollService service;
    private final PollExport export;
    private final PollLinks links;
    private final MemberRepository members;
    private final Messages messages;

    PollPageController(PollService service, PollExport export, PollLinks links, MemberRepository members) {
        this.service = service;
        this.export = export;
        this.links = links;
        this.members = members;
        this.messages = service.messages();
    }

    private record Voter(Member member, Poll poll) {}

    private Optional<Voter> voter(String token) {
        return links.verify(token, PollLinks.VOTE).flatMap(ids -> members.findById(ids[0])
                .flatMap(m -> service.find(ids[1]).map(p -> new Voter(m, p))));
    }

    @GetMapping("/poll/vote")
    ResponseEntity<String> page(@RequestParam(name = "t", required = false) String token) {
        Optional<Voter> voter = voter(token);
        if (voter.isEmpty()) {
            return html(HttpStatus.FORBIDDEN, TEXT.getString("page.invalid"), null);
        }
        return html(HttpStatus.OK, null, voter.get());
    }

    @PostMapping(path = "/poll/vote", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> vote(@RequestParam MultiValueMap<String, String> form) {
        Optional<Voter> voter = voter(form.getFirst("t"));
        if (voter.isEmpty()) {
            return html(HttpStatus.FORBIDDEN, TEXT.getString("page.invalid"), null);
        }
        Poll poll = voter.get().poll();
        String body;
        if (poll.kind() == PollKind.RATING) {
            List<String> scores = new ArrayList<>();
            for (int i = 1; i <= poll.spec().options().size(); i++) {
                scores.add(Optional.ofNullable(form.getFirst("score" + i)).orElse(""));
            }
            body = String.join(" ", scores);
        } else {
            body = String.join(",", Optional.ofNullable(form.get("choice")).orElse(List.of()));
        }
        Optional<Choices> choices = BallotParser.parse(poll.spec(), body);
        if (choices.isEmpty()) {
            return html(HttpStatus.BAD_REQUEST, TEXT.getString("page.invalidChoice"), voter.get());
        }
        String receipt = Optional.ofNullable(form.getFirst("receipt")).map(String::strip)
                .map(s -> s.toUpperCase(Locale.ROOT)).filter(s -> !s.isEmpty()).orElse(null);
        PollService.VoteResult r = service.vote(poll.id(), voter.get().member(), choices.get(), receipt);
        String text = switch (r.outcome()) {
            case RECORDED -> messages.get("poll.vote.recorded", poll.title(), describe(poll, r.choices())) + "\n"
                    + messages.get("poll.vote.receipt", r.receiptCode(), r.ballotId(), String.valueOf(poll.id()));
            case CHANGED -> messages.get("poll.vote.changed", poll.title(), describe(poll, r.choices()));
            case ALREADY_VOTED -> messages.get(poll.secret() && poll.spec().allowChange() ? "poll.vote.needReceipt"
                    : "poll.vote.already", poll.title());
            case NOT_ELIGIBLE -> messages.get("poll.vote.notEligible", poll.title());
            case CLOSED -> messages.get("poll.vote.closed", poll.title());
        };
        HttpStatus status = r.outcome() == org.unionbot.core.poll.VoteOutcome.RECORDED
                || r.outcome() == org.unionbot.core.poll.VoteOutcome.CHANGED ? HttpStatus.OK : HttpStatus.CONFLICT;
        return html(status, text, null);
    }

    @GetMapping("/poll/export")
    ResponseEntity<byte[]> export(@RequestParam(name = "t", required = false) String token,
                                  @RequestParam(name = "format", defaultValue = "xlsx") String format) {
        Optional<long[]> ids = links.verify(token, PollLinks.EXPORT);
        Optional<Member> member = ids.flatMap(i -> members.findById(i[0])).filter(Member::isCommittee);
        Optional<Poll> poll = ids.flatMap(i -> service.find(i[1]));
        if (member.isEmpty() || poll.isEmpty() || poll.get().isOpen()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(HTML)
                    .body(TEXT.getString("page.invalid").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        boolean csv = format.equals("csv");
        byte[] file = csv ? export.csv(poll.get().id(), member.get().id()) : export.xlsx(poll.get().id(), member.get().id());
        String name = "poll-" + poll.get().id() + (csv ? ".csv" : ".xlsx");
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8) : XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file);
    }

    private static String describe(Poll poll, Choices choices) {
        List<String> parts = new ArrayList<>();
        List<String> options = poll.spec().options();
        if (poll.kind() == PollKind.RATING) {
            for (int i = 0; i < options.size(); i++) {
                parts.add(options.get(i) + " " + choices.values().get(i));
            }
        } else {
            choices.values().forEach(o -> parts.add(o + "." + options.get(o - 1)));
        }
        return String.join("、", parts);
    }

    private ResponseEntity<String> html(HttpStatus status, String notice, Voter voter) {
        StringBuilder b = new StringBuilder("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><meta name=\"referrer\" content=\"no-referrer\">"
                + "<title>" + esc(TEXT.getString("page.title")) + "</title>"
                + "<style>body{font-family:sans-serif;max-width:36em;margin:1em auto;padding:0 1em}"
                + "label{display:block;margin:.5em 0}.notice{background:#eef;padding:.6em;white-space:pre-line}</style>"
                + "</head><body>");
        if (notice != null) {
            b.append("<p class=\"notice\">").append(esc(notice)).append("</p>");
        }
        if (voter != null) {
            Poll poll = voter.poll();
            b.append("<h1>").append(esc(poll.title())).append("</h1>");
            b.append("<p>").append(esc(TEXT.getString(poll.secret() ? "page.secret" : "page.named"))).append("<br>")
                    .append(esc(MessageFormat.format(TEXT.getString("page.deadline"), service.deadline(poll))))
                    .append("</p>");
            boolean voted = service.repository().voters(poll.id()).contains(voter.member().id());
            if (voted) {
                b.append("<p>").append(esc(TEXT.getString("page.voted"))).append("</p>");
            }
            if (poll.isOpen() && (!voted || poll.spec().allowChange())) {
                b.append("<form method=\"post\" action=\"vote\">");
                b.append("<input type=\"hidden\" name=\"t\" value=\"").append(esc(tokenOf(voter))).append("\">");
                List<String> options = poll.spec().options();
                for (int i = 0; i < options.size(); i++) {
                    int n = i + 1;
                    if (poll.kind() == PollKind.RATING) {
                        b.append("<label>").append(esc(options.get(i))).append(" <select name=\"score").append(n).append("\">");
                        for (int s = poll.spec().scaleMax(); s >= 1; s--) {
                            b.append("<option>").append(s).append("</option>");
                        }
                        b.append("</select></label>");
                    } else {
                        String type = poll.kind().choosesSeveral() ? "checkbox" : "radio";
                        b.append("<label><input type=\"").append(type).append("\" name=\"choice\" value=\"").append(n)
                                .append("\"> ").append(n).append(". ").append(esc(options.get(i))).append("</label>");
                    }
                }
                if (voted && poll.secret()) {
                    b.append("<label>").append(esc(TEXT.getString("page.receiptLabel")))
                            .append(" <input name=\"receipt\" autocomplete=\"off\"></label>");
                }
                b.append("<button type=\"submit\">").append(esc(TEXT.getString("page.submit"))).append("</button></form>");
            }
        }
        b.append("</body></html>");
        return ResponseEntity.status(status).contentType(HTML).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(b.toString());
    }

    /** The page re-posts the token it was opened with; it is the voter's own link. */
    private String tokenOf(Voter voter) {
        String url = links.voteUrl(voter.poll(), voter.member().id());
        return url.substring(url.indexOf("t=") + 2);
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }

}
