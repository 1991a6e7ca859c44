package org.unionbot.core.poll;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unionbot.core.engine.FlowStep;
import org.unionbot.core.engine.FlowTurn;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.Member;

/**
 * The guided creation of a poll, one question a message: question → type → options (→ how many may be
 * chosen) → who may vote → secret or named → deadline (→ group chats to announce in, when any are
 * configured) → preview and confirmation. Each answer is checked at once and a wrong one is asked again
 * with what is expected; nothing is stored until the confirmation.
 *
 * <p>The state is the step's name on the first line and the form collected so far (the same text
 * format as the one-message form, {@link PollForm}), so the final check is exactly the form's.
 */
final class PollCreationFlow {
    enum Step { TITLE, KIND, OPTIONS, MAX, ELECTORATE, MODE, DEADLINE, CHANNELS, CONFIRM }

    static final String CHANNELS_FIELD = "公告群";
    private static final Pattern KIND = Pattern.compile("^(单选|多选|表决|选举|评分)\\s*(\\d{0,2})$");
    private static final List<String> KIND_BY_NUMBER = List.of("单选", "多选", "表决", "选举", "评分");
    private static final List<String> CONFIRM_WORDS = List.of("确认", "确认发起", "确定", "开始", "是", "好", "好的", "发起");

    private final PollService service;
    private final PollAnnouncer announcer;
    private final Messages messages;

    PollCreationFlow(PollService service, PollAnnouncer announcer) {
        this.service = service;
        this.announcer = announcer;
        this.messages = service.messages();
    }

    /** The first question and the state it waits with. */
    FlowStep start() {
        return ask(Step.TITLE, new LinkedHashMap<>(), messages.get("poll.flow.start") + "\n" + prompt(Step.TITLE, null));
    }

    FlowStep resume(FlowTurn turn) {
        String state = turn.state();
        int cut = state.indexOf('\n');
        Step step = Step.valueOf(cut < 0 ? state : state.substring(0, cut));
        Map<String, String> form = PollForm.fields(cut < 0 ? "" : state.substring(cut + 1));
        String text = turn.text();
        if (text.isEmpty()) {
            return again(step, form, "poll.flow.empty");
        }
        return switch (step) {
            case TITLE -> title(form, text);
            case KIND -> kind(form, text);
            case OPTIONS -> options(form, text);
            case MAX -> max(form, text);
            case ELECTORATE -> electorate(form, text);
            case MODE -> mode(form, text);
            case DEADLINE -> deadline(form, text);
            case CHANNELS -> channels(form, text);
            case CONFIRM -> confirm(form, text, turn.context().requireMember());
        };
    }

    private FlowStep title(Map<String, String> form, String text) {
        if (text.contains("\n") || text.length() > 200) {
            return again(Step.TITLE, form, "poll.flow.badTitle");
        }
        form.put("标题", text);
        return next(Step.KIND, form);
    }

    private FlowStep kind(Map<String, String> form, String text) {
        String t = text.replace(" ", "");
        if (t.matches("[1-5]")) {
            t = KIND_BY_NUMBER.get(Integer.parseInt(t) - 1);
        }
        Matcher m = KIND.matcher(t);
        if (!m.matches()) {
            return again(Step.KIND, form, "poll.flow.badKind");
        }
        form.put("类型", t);
        if (m.group(1).equals("表决")) {
            form.remove("选项");
            return next(Step.ELECTORATE, form);
        }
        if (m.group(1).equals("评分") && !m.group(2).isEmpty()) {
            int scale = Integer.parseInt(m.group(2));
            if (scale < 2 || scale > 10) {
                return again(Step.KIND, form, "poll.flow.badScale");
            }
        }
        return next(Step.OPTIONS, form);
    }

    private FlowStep options(Map<String, String> form, String text) {
        List<String> options = PollForm.options(text);
        boolean rating = form.get("类型").startsWith("评分");
        if (options.size() < (rating ? 1 : 2) || options.size() > 50) {
            return again(Step.OPTIONS, form, rating ? "poll.flow.badRatingOptions" : "poll.flow.badOptions");
        }
        if (options.stream().anyMatch(o -> o.length() > 100)) {
            return again(Step.OPTIONS, form, "poll.flow.longOption");
        }
        if (options.stream().anyMatch(o -> o.contains(":") || o.contains("："))) {
            return again(Step.OPTIONS, form, "poll.flow.colonInOption");
        }
        if (options.stream().distinct().count() < options.size()) {
            return again(Step.OPTIONS, form, "poll.flow.duplicateOption");
        }
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < options.size(); i++) {
            list.append(i + 1).append(". ").append(options.get(i)).append(i + 1 < options.size() ? "\n" : "");
        }
        form.put("选项", list.toString());
        String kind = form.get("类型");
        boolean needsMax = (kind.equals("多选") || kind.equals("选举"));
        if (!needsMax && kind.matches("(多选|选举)\\d+")) {
            int n = Integer.parseInt(kind.substring(2));
            if (n < 1 || n > options.size()) {
                form.put("类型", kind.substring(0, 2));
                return again(Step.MAX, form, "poll.flow.badMax", String.valueOf(options.size()));
            }
        }
        return next(needsMax ? Step.MAX : Step.ELECTORATE, form);
    }

    private FlowStep max(Map<String, String> form, String text) {
        int optionCount = PollForm.options(form.getOrDefault("选项", "")).size();
        if (!text.matches("\\d{1,2}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > optionCount) {
            return again(Step.MAX, form, "poll.flow.badMax", String.valueOf(optionCount));
        }
        form.put("类型", form.get("类型").substring(0, 2) + Integer.parseInt(text));
        return next(Step.ELECTORATE, form);
    }

    private FlowStep electorate(Map<String, String> form, String text) {
        Electorate electorate;
        try {
            electorate = PollForm.electorate(text);
        } catch (PollForm.FormException wrong) {
            return again(Step.ELECTORATE, form, "poll.flow.badElectorate");
        }
        int size = electorate.resolve(service.members()).size();
        if (size == 0) {
            return again(Step.ELECTORATE, form, "poll.flow.emptyElectorate");
        }
        form.put("投票人", text);
        return next(Step.MODE, form, messages.get("poll.flow.electorateCount", String.valueOf(size)));
    }

    private FlowStep mode(Map<String, String> form, String text) {
        String mode = switch (text) {
            case "1", "无记名", "匿名", "秘密", "不记名" -> "无记名";
            case "2", "记名", "实名" -> "记名";
            default -> null;
        };
        if (mode == null) {
            return again(Step.MODE, form, "poll.flow.badMode");
        }
        form.put("方式", mode);
        if (mode.equals("无记名")) {
            // said now, before the preview offers its optional fields, so 实时 is not expected later
            return next(Step.DEADLINE, form, messages.get("poll.flow.secretResults"));
        }
        return next(Step.DEADLINE, form);
    }

    private FlowStep deadline(Map<String, String> form, String text) {
        Instant now = service.clock().instant();
        Instant deadline;
        try {
            deadline = PollForm.deadline(text, now, service.zone());
        } catch (PollForm.FormException wrong) {
            return again(Step.DEADLINE, form, "poll.flow.badDeadline");
        }
        if (!deadline.isAfter(now)) {
            return again(Step.DEADLINE, form, "poll.flow.pastDeadline");
        }
        form.put("截止", PollForm.formatDeadline(deadline, service.zone()));
        if (announcer != null && !announcer.groups().isEmpty()) {
            return next(Step.CHANNELS, form);
        }
        return preview(form, null);
    }

    private FlowStep channels(Map<String, String> form, String text) {
        Optional<List<String>> names = announcer.parseChannels(text);
        if (names.isEmpty()) {
            return again(Step.CHANNELS, form, "poll.flow.badChannels", announcer.choices());
        }
        form.put(CHANNELS_FIELD, names.get().isEmpty() ? "不公告" : String.join("、", names.get()));
        return preview(form, null);
    }

    private FlowStep confirm(Map<String, String> form, String text, Member creator) {
        String word = text.replaceAll("[。！!]+$", "");
        if (CONFIRM_WORDS.contains(word)) {
            PollDraft draft;
            try {
                draft = PollForm.parse(PollForm.text(form), service.clock().instant(), service.zone());
                Poll poll = service.open(draft, creator);
                List<String> channels = channelsOf(form);
                int reached = announcer == null ? 0 : announcer.announceOpened(poll, channels);
                return FlowStep.done(opened(service, poll, channels, reached));
            } catch (PollForm.FormException | IllegalArgumentException stale) {
                return again(Step.CONFIRM, form, "poll.flow.openFailed");
            }
        }
        // "结果：实时", "法定人数：2/3" …: optional fields changed on the preview
        Map<String, String> changes = PollForm.fields(text);
        if (changes.isEmpty()) {
            return again(Step.CONFIRM, form, "poll.flow.confirmHint");
        }
        Map<String, String> changed = new LinkedHashMap<>(form);
        changed.putAll(changes);
        if (changes.containsKey("截止")) {
            try {
                changed.put("截止", PollForm.formatDeadline(PollForm.deadline(changes.get("截止"),
                        service.clock().instant(), service.zone()), service.zone()));
            } catch (PollForm.FormException wrong) {
                return again(Step.CONFIRM, form, "poll.flow.badDeadline");
            }
        }
        if (changes.containsKey(CHANNELS_FIELD)) {
            if (announcer == null || announcer.parseChannels(changes.get(CHANNELS_FIELD)).isEmpty()) {
                return again(Step.CONFIRM, form, "poll.flow.badChannels",
                        announcer == null ? messages.get("poll.channels.noneConfigured") : announcer.choices());
            }
        }
        return preview(changed, form);
    }

    /** Shows the preview; a form that does not validate keeps {@code previous} (when given) and says why. */
    private FlowStep preview(Map<String, String> form, Map<String, String> previous) {
        PollDraft draft;
        try {
            draft = PollForm.parse(PollForm.text(form), service.clock().instant(), service.zone());
        } catch (PollForm.FormException wrong) {
            Map<String, String> keep = previous != null ? previous : form;
            return FlowStep.ask(messages.get(wrong.key()) + "\n" + messages.get("poll.flow.confirmHint"),
                    state(Step.CONFIRM, keep));
        }
        int size = draft.electorate().resolve(service.members()).size();
        StringBuilder text = new StringBuilder(PollForm.format(draft, service.zone()));
        if (form.containsKey(CHANNELS_FIELD)) {
            text.append('\n').append(CHANNELS_FIELD).append('：').append(form.get(CHANNELS_FIELD));
        }
        // a secret poll's preview does not suggest 结果：实时, which it would refuse
        String examples = messages.get(draft.secret() ? "poll.flow.preview.examples.secret"
                : "poll.flow.preview.examples.named");
        return FlowStep.ask(messages.get("poll.flow.preview", text.toString(), String.valueOf(size), examples),
                state(Step.CONFIRM, form));
    }

    static List<String> channelsOf(Map<String, String> form) {
        String v = form.getOrDefault(CHANNELS_FIELD, "不公告");
        return v.equals("不公告") ? List.of() : List.of(v.split("、"));
    }

    /** The answer once a poll is open: its number, the electorate, where it was announced, how to vote. */
    static String opened(PollService service, Poll poll, List<String> channels, int reached) {
        var m = service.messages();
        StringBuilder b = new StringBuilder(m.get("poll.confirm.opened", service.id(poll), poll.title(),
                String.valueOf(service.repository().electorate(poll.id()).size())));
        if (!channels.isEmpty()) {
            b.append('\n').append(m.get("poll.flow.announced", String.join("、", channels), String.valueOf(reached),
                    String.valueOf(channels.size())));
        }
        b.append('\n').append(m.get(poll.secret() ? "poll.announce.secret" : "poll.announce.named", service.id(poll)));
        b.append('\n').append(m.get("poll.flow.editHint", service.id(poll)));
        return b.toString();
    }

    private FlowStep next(Step step, Map<String, String> form) {
        return next(step, form, null);
    }

    private FlowStep next(Step step, Map<String, String> form, String before) {
        return ask(step, form, (before == null ? "" : before + "\n") + prompt(step, form));
    }

    private FlowStep again(Step step, Map<String, String> form, String key, String... args) {
        return ask(step, form, messages.get(key, (Object[]) args) + "\n" + prompt(step, form));
    }

    private FlowStep ask(Step step, Map<String, String> form, String text) {
        return FlowStep.ask(text, state(step, form));
    }

    private static String state(Step step, Map<String, String> form) {
        return step.name() + "\n" + PollForm.text(form);
    }

    private String prompt(Step step, Map<String, String> form) {
        String key = "poll.flow.ask." + step.name().toLowerCase(Locale.ROOT);
        return switch (step) {
            case MAX -> messages.get(key, String.valueOf(PollForm.options(form.getOrDefault("选项", "")).size()),
                    form.get("类型").startsWith("选举") ? messages.get("poll.flow.max.election") : messages.get("poll.flow.max.multiple"));
            case CHANNELS -> messages.get(key, announcer.choices());
            case CONFIRM -> messages.get("poll.flow.confirmHint");
            default -> messages.get(key);
        };
    }
}
