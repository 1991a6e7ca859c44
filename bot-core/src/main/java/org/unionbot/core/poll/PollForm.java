package org.unionbot.core.poll;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The creation form a committee member fills in chat ("标题：…", "选项：…", one field a line), read
 * into a {@link PollDraft} and written back for the preview. The same text format is kept in the
 * conversation state between the preview and 确认发起, with the deadline made absolute.
 */
public final class PollForm {
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Pattern FIELD = Pattern.compile("^\\s*([^:：]{1,8})\\s*[:：]\\s*(.*)$");
    private static final Pattern RELATIVE = Pattern.compile("^(\\d{1,3})\\s*(天|小时|分钟)$");
    private static final Pattern FRACTION = Pattern.compile("^(全体|投票)?\\s*(\\d{1,3})\\s*/\\s*(\\d{1,3})$");

    private PollForm() {
    }

    /** A form the user must correct; {@code key} names the message explaining what is wrong. */
    public static final class FormException extends Exception {
        private final String key;

        FormException(String key) {
            super(key);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public static PollDraft parse(String text, Instant now, ZoneId zone) throws FormException {
        Map<String, String> fields = fields(text);
        String title = require(fields, "标题", "poll.form.missingTitle");
        String kindText = require(fields, "类型", "poll.form.missingKind");
        PollKind kind;
        int n = 0;
        Matcher km = Pattern.compile("^(单选|多选|表决|选举|评分)\\s*(\\d{0,2})$").matcher(kindText);
        if (!km.matches()) {
            throw new FormException("poll.form.badKind");
        }
        kind = switch (km.group(1)) {
            case "单选" -> PollKind.SINGLE;
            case "多选" -> PollKind.MULTIPLE;
            case "表决" -> PollKind.RESOLUTION;
            case "选举" -> PollKind.ELECTION;
            default -> PollKind.RATING;
        };
        n = km.group(2).isEmpty() ? 0 : Integer.parseInt(km.group(2));
        List<String> options = new ArrayList<>();
        if (kind != PollKind.RESOLUTION) {
            options.addAll(options(require(fields, "选项", "poll.form.missingOptions")));
        }
        int maxChoices = kind.choosesSeveral() ? (n == 0 ? (kind == PollKind.ELECTION ? 1 : options.size()) : n) : 1;
        int scaleMax = kind == PollKind.RATING ? (n == 0 ? 5 : n) : 0;
        Electorate electorate = electorate(fields.getOrDefault("投票人", "全体"));
        String mode = require(fields, "方式", "poll.form.missingMode");
        boolean secret = switch (mode) {
            case "无记名", "匿名", "秘密" -> true;
            case "记名", "实名" -> false;
            default -> throw new FormException("poll.form.badMode");
        };
        Instant deadline = deadline(require(fields, "截止", "poll.form.missingDeadline"), now, zone);
        boolean allowChange = !fields.getOrDefault("改票", "允许").startsWith("不");
        Visibility visibility = switch (fields.getOrDefault("结果", "结束后")) {
            case "实时" -> Visibility.LIVE;
            case "仅委员", "委员" -> Visibility.COMMITTEE;
            case "结束后" -> Visibility.AFTER_CLOSE;
            default -> throw new FormException("poll.form.badVisibility");
        };
        if (secret && visibility == Visibility.LIVE) {
            // the chat form, the guided flow's preview, 修改投票 and the API all read forms here
            throw new FormException(PollDraft.SECRET_LIVE_KEY);
        }
        Rules.Quorum quorum = null;
        if (fields.containsKey("法定人数")) {
            int[] f = fraction(fields.get("法定人数").replace("全体", ""));
            quorum = new Rules.Quorum(f[0], f[1]);
        }
        Rules.Threshold threshold = fields.containsKey("通过") ? threshold(fields.get("通过")) : null;
        try {
            return new PollDraft(title, kind, options, maxChoices, scaleMax, electorate, secret, allowChange,
                    visibility, deadline, quorum, threshold);
        } catch (IllegalArgumentException invalid) {
            throw new FormException("poll.form.invalid");
        }
    }

    /** The form text of a draft: the preview, and what the state keeps until 确认发起. */
    public static String format(PollDraft d, ZoneId zone) {
        StringBuilder b = new StringBuilder();
        b.append("标题：").append(d.title()).append('\n');
        String kind = switch (d.kind()) {
            case SINGLE -> "单选";
            case MULTIPLE -> "多选" + d.maxChoices();
            case RESOLUTION -> "表决";
            case ELECTION -> "选举" + d.maxChoices();
            case RATING -> "评分" + d.scaleMax();
        };
        b.append("类型：").append(kind).append('\n');
        if (d.kind() != PollKind.RESOLUTION) {
            b.append("选项：\n");
            for (int i = 0; i < d.options().size(); i++) {
                b.append(i + 1).append(". ").append(d.options().get(i)).append('\n');
            }
        }
        b.append("投票人：").append(switch (d.electorate().type()) {
            case ALL -> "全体";
            case TAG -> "标签 " + d.electorate().value();
            case GROUP -> "小组 " + d.electorate().value();
            case DELEGATES -> "代表";
            case LIST -> "名单 " + d.electorate().value();
        }).append('\n');
        b.append("方式：").append(d.secret() ? "无记名" : "记名").append('\n');
        b.append("截止：").append(DEADLINE.withZone(zone).format(d.deadline())).append('\n');
        b.append("改票：").append(d.allowChange() ? "允许" : "不允许").append('\n');
        b.append("结果：").append(switch (d.visibility()) {
            case LIVE -> "实时";
            case AFTER_CLOSE -> "结束后";
            case COMMITTEE -> "仅委员";
        });
        if (d.quorum() != null) {
            b.append('\n').append("法定人数：").append(d.quorum().numerator()).append('/').append(d.quorum().denominator());
        }
        if (d.threshold() != null) {
            Rules.Threshold t = d.threshold();
            String fraction = t.numerator() * 2 == t.denominator() && t.strict() ? "过半数"
                    : t.numerator() + "/" + t.denominator();
            b.append('\n').append("通过：").append(t.basis() == Rules.Basis.ELECTORATE ? "全体" : "投票").append(fraction);
        }
        return b.toString();
    }

    /** Options as written: one a line, or separated by 、 ； or a comma (not inside a number). */
    static List<String> options(String raw) {
        List<String> options = new ArrayList<>();
        for (String o : raw.split("[\\n、；;]|(?<!\\d)[,，]")) {
            String cleaned = o.strip().replaceFirst("^\\d{1,2}\\s*[.、．)）]\\s*", "").strip();
            if (!cleaned.isEmpty()) {
                options.add(cleaned);
            }
        }
        return options;
    }

    /** The form's fields by name, in order; lines after a field continue it (options one a line). */
    static Map<String, String> fields(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        String last = null;
        for (String line : text.split("\\R")) {
            Matcher m = FIELD.matcher(line);
            if (m.matches()) {
                last = m.group(1).strip();
                fields.put(last, m.group(2).strip());
            } else if (last != null && !line.isBlank()) {
                fields.merge(last, line.strip(), (a, b) -> a.isEmpty() ? b : a + "\n" + b);
            }
        }
        return fields;
    }

    /** Writes fields back as form text; multi-line values (options) continue on the following lines. */
    static String text(Map<String, String> fields) {
        StringBuilder b = new StringBuilder();
        fields.forEach((name, value) -> {
            if (!b.isEmpty()) {
                b.append('\n');
            }
            b.append(name).append('：').append(value.contains("\n") ? "\n" + value : value);
        });
        return b.toString();
    }

    static String formatDeadline(Instant deadline, ZoneId zone) {
        return DEADLINE.withZone(zone).format(deadline);
    }

    private static String require(Map<String, String> fields, String name, String key) throws FormException {
        String v = fields.get(name);
        if (v == null || v.isBlank()) {
            throw new FormException(key);
        }
        return v.strip();
    }

    static Electorate electorate(String text) throws FormException {
        String t = text.strip();
        if (t.equals("全体") || t.equals("全体会员")) {
            return Electorate.all();
        }
        if (t.equals("代表") || t.equals("教代会代表")) {
            return new Electorate(Electorate.Type.DELEGATES, "");
        }
        Matcher m = Pattern.compile("^(标签|小组|名单)\\s+(.+)$").matcher(t);
        if (!m.matches()) {
            throw new FormException("poll.form.badElectorate");
        }
        Electorate.Type type = switch (m.group(1)) {
            case "标签" -> Electorate.Type.TAG;
            case "小组" -> Electorate.Type.GROUP;
            default -> Electorate.Type.LIST;
        };
        return new Electorate(type, m.group(2));
    }

    /**
     * A deadline as members write it: "2026-09-10 17:00" (or with 'T', as a browser's datetime field sends
     * it), "2026-09-10" (23:59 that day), or "3天" / "12小时" / "30分钟" from now. Shared by the chat form
     * and the console's form so both read the same words the same way.
     */
    public static Instant deadline(String text, Instant now, ZoneId zone) throws FormException {
        text = text.strip().replace('T', ' ');
        Matcher rel = RELATIVE.matcher(text);
        if (rel.matches()) {
            long amount = Long.parseLong(rel.group(1));
            Duration d = switch (rel.group(2)) {
                case "天" -> Duration.ofDays(amount);
                case "小时" -> Duration.ofHours(amount);
                default -> Duration.ofMinutes(amount);
            };
            return now.plus(d).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        }
        try {
            return LocalDateTime.parse(text.strip(), DEADLINE).atZone(zone).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(text.strip()).atTime(LocalTime.of(23, 59)).atZone(zone).toInstant();
            } catch (DateTimeParseException notDate) {
                throw new FormException("poll.form.badDeadline");
            }
        }
    }

    /** A quorum or threshold fraction "2/3" (optionally "全体 2/3" or "投票 2/3"): numerator and denominator. */
    public static int[] fraction(String text) throws FormException {
        Matcher m = FRACTION.matcher(text.strip());
        if (!m.matches()) {
            throw new FormException("poll.form.badRule");
        }
        int a = Integer.parseInt(m.group(2));
        int b = Integer.parseInt(m.group(3));
        if (a <= 0 || b <= 0 || a > b) {
            throw new FormException("poll.form.badRule");
        }
        return new int[] {a, b};
    }

    private static Rules.Threshold threshold(String text) throws FormException {
        String t = text.strip();
        Rules.Basis basis = t.startsWith("全体") ? Rules.Basis.ELECTORATE : Rules.Basis.CAST;
        String rest = t.replaceFirst("^(全体|投票)", "").strip();
        if (rest.equals("过半数") || rest.equals("过半")) {
            return new Rules.Threshold(1, 2, basis, true);
        }
        int[] f = fraction(rest);
        return new Rules.Threshold(f[0], f[1], basis, false);
    }
}
