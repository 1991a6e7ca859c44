package org.unionbot.adapter.web.calendar;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.unionbot.adapter.web.WebChatSettings;
import org.unionbot.adapter.web.WebLinkSigner;
import org.unionbot.core.calendar.CalendarCommands;
import org.unionbot.core.calendar.PlanImport;
import org.unionbot.core.calendar.PlanReader;
import org.unionbot.core.calendar.PlanRowError;
import org.unionbot.core.calendar.ReminderService;
import org.unionbot.core.calendar.SeriesStatus;
import org.unionbot.core.calendar.StoredSeries;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.message.Platform;

/**
 * The plan through the API, for the console and scripts: list the series, approve or pause one, load a
 * plan (.yaml text or .xlsx bytes) with its per-row errors and 12-month preview. The caller is the member
 * named by a signed web token ({@code X-Unionbot-Token}, made by {@link WebLinkSigner} — the same token
 * that opens their web chat); only the chair or a committee member with the 审批提醒 right may use it.
 * Closed (401) when no link secret is configured, as in the demo. The same service methods serve the chat
 * commands 审批提醒, 暂停提醒 and 导入计划, so both paths follow the same rules.
 */
@RestController
class CalendarApiController {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** An .xlsx file starts with the ZIP signature "PK". */
    private static final byte[] ZIP_MAGIC = {'P', 'K'};

    private final ReminderService reminders;
    private final MemberRepository members;
    private final Messages messages;
    private final WebLinkSigner signer;

    CalendarApiController(ReminderService reminders, MemberRepository members, Messages messages,
                          WebChatSettings settings, ObjectProvider<Clock> clock) {
        this.reminders = reminders;
        this.members = members;
        this.messages = messages;
        this.signer = settings.hasLinkSecret()
                ? new WebLinkSigner(settings.linkSecret(), clock.getIfUnique(Clock::systemUTC)) : null;
    }

    /** The member who may manage the plan, or the error response to give instead. */
    private Object caller(String token) {
        Optional<Member> member = Optional.ofNullable(signer).map(s -> s.verify(token))
                .filter(WebLinkSigner.Verification::isValid)
                .flatMap(v -> members.findByIdentity(Platform.WEB, v.userId()));
        if (member.isEmpty()) {
            return error(HttpStatus.UNAUTHORIZED, messages.get("api.unauthorized"));
        }
        if (!CalendarCommands.mayApprove(member.get())) {
            return error(HttpStatus.FORBIDDEN, messages.get("approve.noRight"));
        }
        return member.get();
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String text) {
        return ResponseEntity.status(status).body(Map.of("error", text));
    }

    @SuppressWarnings("unchecked")
    private static ResponseEntity<Map<String, Object>> refused(Object caller) {
        return (ResponseEntity<Map<String, Object>>) caller;
    }

    @GetMapping("/api/calendar/series")
    ResponseEntity<Map<String, Object>> series(@RequestHeader(name = "X-Unionbot-Token", required = false) String token) {
        Object caller = caller(token);
        if (!(caller instanceof Member)) {
            return refused(caller);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (StoredSeries s : reminders.all()) {
            out.add(view(s));
        }
        return ResponseEntity.ok(Map.of("series", out));
    }

    @PostMapping("/api/calendar/series/{key}/approve")
    ResponseEntity<Map<String, Object>> approve(@RequestHeader(name = "X-Unionbot-Token", required = false) String token,
                                                @PathVariable("key") String key) {
        Object caller = caller(token);
        if (!(caller instanceof Member member)) {
            return refused(caller);
        }
        Optional<StoredSeries> s = reminders.find(key);
        if (s.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, messages.get("approve.unknown", key));
        }
        if (s.get().status() == SeriesStatus.APPROVED) {
            return error(HttpStatus.CONFLICT, messages.get("approve.already", s.get().title()));
        }
        int scheduled = reminders.approve(key, member).orElse(0);
        Map<String, Object> body = view(reminders.find(key).orElseThrow());
        body.put("scheduled", scheduled);
        return ResponseEntity.ok(body);
    }

    @PostMapping("/api/calendar/series/{key}/pause")
    ResponseEntity<Map<String, Object>> pause(@RequestHeader(name = "X-Unionbot-Token", required = false) String token,
                                              @PathVariable("key") String key) {
        Object caller = caller(token);
        if (!(caller instanceof Member)) {
            return refused(caller);
        }
        Optional<Boolean> paused = reminders.pause(key);
        if (paused.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, messages.get("approve.unknown", key));
        }
        StoredSeries s = reminders.find(key).orElseThrow();
        if (!paused.get()) {
            return error(HttpStatus.CONFLICT, messages.get("pause.notApproved", s.title(), s.key()));
        }
        return ResponseEntity.ok(view(s));
    }

    /**
     * Loads a plan: the body is the .xlsx file (recognised by its ZIP signature, whatever the content
     * type) or YAML text in UTF-8. New or changed series wait for approval.
     */
    @PostMapping("/api/calendar/plan")
    ResponseEntity<Map<String, Object>> load(@RequestHeader(name = "X-Unionbot-Token", required = false) String token,
                                             @RequestBody(required = false) byte[] body) {
        Object caller = caller(token);
        if (!(caller instanceof Member)) {
            return refused(caller);
        }
        if (body == null || body.length == 0) {
            return error(HttpStatus.BAD_REQUEST, messages.get("api.plan.empty"));
        }
        PlanImport plan;
        if (body.length > 2 && body[0] == ZIP_MAGIC[0] && body[1] == ZIP_MAGIC[1]) {
            try {
                plan = PlanReader.excel(new ByteArrayInputStream(body));
            } catch (IOException | RuntimeException notASheet) {
                return error(HttpStatus.BAD_REQUEST, messages.get("plan.load.fileUnreadable"));
            }
        } else {
            plan = PlanReader.yaml(new String(body, StandardCharsets.UTF_8));
        }
        ReminderService.PlanLoad load = reminders.loadPlan(plan);
        List<StoredSeries> all = reminders.all();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("waiting", load.waiting().stream().map(StoredSeries::key).toList());
        out.put("unchanged", load.unchanged().stream().map(StoredSeries::key).toList());
        List<Map<String, Object>> errors = new ArrayList<>();
        for (PlanRowError e : load.errors()) {
            errors.add(Map.of("row", e.row(), "field", e.field(), "message", e.message()));
        }
        out.put("errors", errors);
        List<Map<String, Object>> preview = new ArrayList<>();
        for (ReminderService.PreviewLine l : load.preview()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("series", l.item().key());
            line.put("title", l.item().title());
            if (l.send() != null) {
                line.put("sendAt", l.send().sendAt().toString());
                line.put("eventDate", l.send().eventDate().toString());
                line.put("kind", l.send().kind().name());
                line.put("estimated", l.estimated());
            } else {
                line.put("problem", l.problem());
            }
            line.put("pending", all.stream().anyMatch(s -> s.key().equals(l.item().key())
                    && s.status() != SeriesStatus.APPROVED));
            preview.add(line);
        }
        out.put("preview", preview);
        out.put("text", CalendarCommands.planLoadText(load, all, Integer.MAX_VALUE, messages));
        return ResponseEntity.ok(out);
    }

    private static Map<String, Object> view(StoredSeries s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", s.key());
        m.put("title", s.title());
        m.put("rule", s.item().ruleText());
        m.put("status", s.status().name());
        return m;
    }
}
