package org.unionbot.core.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.unionbot.core.command.Command;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.command.CommandSpec;
import org.unionbot.core.command.Locality;
import org.unionbot.core.command.Privilege;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.message.Reply;
import org.unionbot.core.notify.Audience;
import org.unionbot.core.notify.DeliveryReport;

/** The calendar's chat commands: 审批提醒, 计划预览, 提醒报告, 订阅, 退订. */
public final class CalendarCommands {
    /** A committee member with this tag may approve reminders like the chair. */
    public static final String APPROVAL_RIGHT_TAG = "审批提醒";

    private CalendarCommands() {
    }

    public static List<Command> all(ReminderService reminders, SubscriptionRepository subscriptions, Messages messages) {
        return List.of(approve(reminders, messages), preview(reminders, messages), report(reminders, messages),
                subscribe(reminders, subscriptions, messages), unsubscribe(reminders, subscriptions, messages));
    }

    /**
     * The committee's plan commands: 导入计划 (a pasted YAML plan, or the configured plan file re-read) and
     * 暂停提醒.
     */
    public static List<Command> management(ReminderService reminders, PlanSource planFile, Messages messages) {
        return List.of(loadPlan(reminders, planFile, messages), pause(reminders, messages));
    }

    // One factory per command, so the composition root declares each bean without building the others.
    public static Command approve(ReminderService reminders, Messages messages) {
        return new Approve(reminders, messages);
    }

    public static Command preview(ReminderService reminders, Messages messages) {
        return new Preview(reminders, messages);
    }

    public static Command report(ReminderService reminders, Messages messages) {
        return new Report(reminders, messages);
    }

    public static Command subscribe(ReminderService reminders, SubscriptionRepository subscriptions, Messages messages) {
        return new Subscribe(reminders, subscriptions, messages, false);
    }

    public static Command unsubscribe(ReminderService reminders, SubscriptionRepository subscriptions,
                                      Messages messages) {
        return new Subscribe(reminders, subscriptions, messages, true);
    }

    public static Command loadPlan(ReminderService reminders, PlanSource planFile, Messages messages) {
        return new LoadPlan(reminders, planFile, messages);
    }

    public static Command pause(ReminderService reminders, Messages messages) {
        return new Pause(reminders, messages);
    }

    /** Whether the member may approve, pause and load the plan: the chair, or a committee member with the right. */
    public static boolean mayApprove(Member m) {
        return m.has(UnionRole.CHAIR) || (m.isCommittee() && m.tags().contains(APPROVAL_RIGHT_TAG));
    }

    /** What every calendar command has: the reminder service, the texts and its spec. */
    abstract static class CalendarCommand implements Command {
        final ReminderService reminders;
        final Messages messages;
        private final CommandSpec spec;

        CalendarCommand(ReminderService reminders, Messages messages, CommandSpec spec) {
            this.reminders = reminders;
            this.messages = messages;
            this.spec = spec;
        }

        @Override
        public final CommandSpec spec() {
            return spec;
        }
    }

    /**
     * A command that changes what reminders go out (approve, pause, load the plan): the command privilege
     * lets every committee member reach it, this gate lets only those with the approval right run it.
     */
    abstract static class ApprovalCommand extends CalendarCommand {
        ApprovalCommand(ReminderService reminders, Messages messages, CommandSpec spec) {
            super(reminders, messages, spec);
        }

        @Override
        public final Reply execute(CommandContext context) {
            if (!mayApprove(context.requireMember())) {
                return Reply.text(messages.get("approve.noRight"));
            }
            return executeApproved(context);
        }

        abstract Reply executeApproved(CommandContext context);
    }

    /** 审批提醒 [编号|全部]: lists pending series, or approves and schedules them. */
    static final class Approve extends ApprovalCommand {
        Approve(ReminderService reminders, Messages messages) {
            super(reminders, messages, new CommandSpec("审批提醒", List.of("审批计划"), "审批提醒 [编号|全部]",
                    messages.get("approve.summary"), Privilege.COMMITTEE, Locality.PRIVATE));
        }

        @Override
        Reply executeApproved(CommandContext context) {
            Member me = context.requireMember();
            List<StoredSeries> pending = reminders.pending();
            String arg = context.arguments().strip();
            if (arg.isEmpty()) {
                if (pending.isEmpty()) {
                    return Reply.text(messages.get("approve.nonePending"));
                }
                StringBuilder out = new StringBuilder(messages.get("approve.pendingList"));
                for (StoredSeries s : pending) {
                    PlanItem item = s.item();
                    out.append('\n').append(messages.get("approve.pendingLine", s.key(), s.title(), item.ruleText(),
                            Audience.labels(item.audience())));
                }
                return Reply.text(out.toString());
            }
            List<StoredSeries> chosen = new ArrayList<>();
            if (arg.equals("全部")) {
                chosen.addAll(pending);
                if (chosen.isEmpty()) {
                    return Reply.text(messages.get("approve.nonePending"));
                }
            } else {
                Optional<StoredSeries> s = SeriesFinder.find(reminders.all(), arg);
                if (s.isEmpty()) {
                    return Reply.text(messages.get("approve.unknown", arg));
                }
                if (s.get().status() == SeriesStatus.APPROVED) {
                    return Reply.text(messages.get("approve.already", s.get().title()));
                }
                chosen.add(s.get());
            }
            StringBuilder out = new StringBuilder();
            for (StoredSeries s : chosen) {
                int n = reminders.approve(s.key(), me).orElse(0);
                if (!out.isEmpty()) {
                    out.append('\n');
                }
                out.append(messages.get("approve.done", s.title(), String.valueOf(n)));
            }
            return Reply.text(out.toString());
        }
    }

    /** 计划预览: every send of the next 12 months, pending series marked. */
    static final class Preview extends CalendarCommand {
        Preview(ReminderService reminders, Messages messages) {
            super(reminders, messages, new CommandSpec("计划预览", List.of("提醒预览"), "计划预览",
                    messages.get("preview.summary"), Privilege.COMMITTEE, Locality.PRIVATE));
        }

        @Override
        public Reply execute(CommandContext context) {
            List<StoredSeries> all = reminders.all();
            List<ReminderService.PreviewLine> lines = reminders.preview(all.stream().map(StoredSeries::item).toList(), 12);
            if (lines.isEmpty()) {
                return Reply.text(messages.get("plan.preview.empty"));
            }
            StringBuilder out = new StringBuilder(messages.get("plan.preview.title", String.valueOf(lines.size())));
            appendPreview(out, lines, all, Integer.MAX_VALUE, messages);
            return Reply.text(out.toString());
        }
    }

    /** Appends at most {@code limit} preview lines, the waiting series marked. */
    static void appendPreview(StringBuilder out, List<ReminderService.PreviewLine> lines, List<StoredSeries> all,
                              int limit, Messages messages) {
        int shown = 0;
        for (ReminderService.PreviewLine l : lines) {
            if (shown++ >= limit) {
                out.append('\n').append(messages.get("plan.load.more", String.valueOf(lines.size() - limit)));
                return;
            }
            boolean pending = all.stream().anyMatch(s -> s.key().equals(l.item().key())
                    && s.status() != SeriesStatus.APPROVED);
            String mark = pending ? messages.get("plan.preview.pending") : "";
            if (l.send() == null) {
                out.append('\n').append(messages.get("plan.preview.line", "—", l.item().title(), l.problem(), mark));
            } else {
                String when = CalendarTexts.dateWithWeekday(l.send().sendAt().toLocalDate()) + " "
                        + l.send().sendAt().toLocalTime();
                String what = switch (l.send().kind()) {
                    case ADVANCE -> messages.get("reminder.advance", String.valueOf(l.send().days()));
                    case DAY_OF -> messages.get("reminder.dayOf");
                    case FOLLOW_UP -> messages.get("reminder.followUp");
                };
                if (l.estimated()) {
                    what = what + messages.get("plan.preview.estimated");
                }
                out.append('\n').append(messages.get("plan.preview.line", when, l.item().title(), what, mark));
            }
        }
    }

    /** The answer to a plan loaded at run time: bad rows, what waits for approval, the 12-month preview. */
    public static String planLoadText(ReminderService.PlanLoad load, List<StoredSeries> all, int previewLimit,
                                      Messages messages) {
        StringBuilder out = new StringBuilder(messages.get("plan.load.done",
                String.valueOf(load.waiting().size() + load.unchanged().size()), String.valueOf(load.waiting().size()),
                String.valueOf(load.unchanged().size()), String.valueOf(load.errors().size())));
        for (PlanRowError e : load.errors()) {
            out.append('\n').append(messages.get("plan.load.error", String.valueOf(e.row()), e.field(), e.message()));
        }
        if (!load.preview().isEmpty()) {
            out.append('\n').append(messages.get("plan.preview.title", String.valueOf(load.preview().size())));
            appendPreview(out, load.preview(), all, previewLimit, messages);
        }
        if (!load.waiting().isEmpty()) {
            out.append('\n').append(messages.get("plan.load.waiting"));
        }
        return out.toString();
    }

    /**
     * 导入计划: with a YAML plan pasted after the command, loads it; without, re-reads the configured plan
     * file (.yaml or .xlsx). New or changed items wait for approval; nothing is sent before.
     */
    static final class LoadPlan extends ApprovalCommand {
        /** A chat answer stays readable: the rest of the preview is one 计划预览 away. */
        static final int PREVIEW_LINES_IN_CHAT = 30;
        private final PlanSource planFile;

        LoadPlan(ReminderService reminders, PlanSource planFile, Messages messages) {
            super(reminders, messages, new CommandSpec("导入计划", List.of("重新加载计划", "加载计划"),
                    "导入计划 [YAML 计划文本]", messages.get("plan.load.summary"), Privilege.COMMITTEE, Locality.PRIVATE));
            this.planFile = planFile;
        }

        @Override
        Reply executeApproved(CommandContext context) {
            String text = context.arguments().strip();
            PlanImport plan;
            if (text.isEmpty()) {
                Optional<PlanImport> fromFile;
                try {
                    fromFile = planFile.load();
                } catch (java.io.IOException | RuntimeException e) {
                    return Reply.text(messages.get("plan.load.fileUnreadable"));
                }
                if (fromFile.isEmpty()) {
                    return Reply.text(messages.get("plan.load.noFile"));
                }
                plan = fromFile.get();
            } else {
                plan = PlanReader.yaml(text);
            }
            ReminderService.PlanLoad load = reminders.loadPlan(plan);
            return Reply.text(planLoadText(load, reminders.all(), PREVIEW_LINES_IN_CHAT, messages));
        }
    }

    /** 暂停提醒 编号: stops an approved series until it is approved again. */
    static final class Pause extends ApprovalCommand {
        Pause(ReminderService reminders, Messages messages) {
            super(reminders, messages, new CommandSpec("暂停提醒", List.of(), "暂停提醒 编号",
                    messages.get("pause.summary"), Privilege.COMMITTEE, Locality.PRIVATE));
        }

        @Override
        Reply executeApproved(CommandContext context) {
            String arg = context.arguments().strip();
            if (arg.isEmpty()) {
                return Reply.text(messages.get("pause.usage"));
            }
            Optional<StoredSeries> s = SeriesFinder.find(reminders.all(), arg);
            if (s.isEmpty()) {
                return Reply.text(messages.get("approve.unknown", arg));
            }
            boolean paused = reminders.pause(s.get().key()).orElse(false);
            return Reply.text(messages.get(paused ? "pause.done" : "pause.notApproved", s.get().title(), s.get().key()));
        }
    }

    /** 提醒报告 [编号]: sent, failed, unreachable, skipped per reminder. */
    static final class Report extends CalendarCommand {
        Report(ReminderService reminders, Messages messages) {
            super(reminders, messages, new CommandSpec("提醒报告", List.of("送达报告"), "提醒报告 [提醒编号]",
                    messages.get("report.summary"), Privilege.COMMITTEE, Locality.ANY));
        }

        @Override
        public Reply execute(CommandContext context) {
            String arg = context.arguments().strip();
            List<String> sources = arg.isEmpty() ? reminders.recentReminders(10) : List.of(arg);
            if (sources.isEmpty()) {
                return Reply.text(messages.get("report.none"));
            }
            StringBuilder out = new StringBuilder(messages.get("report.title"));
            for (String source : sources) {
                DeliveryReport r = reminders.report(source);
                out.append('\n').append(messages.get("report.line", label(source), String.valueOf(r.sent()),
                        String.valueOf(r.failed()), String.valueOf(r.unreachable()), String.valueOf(r.skipped()),
                        String.valueOf(r.pending())));
            }
            return Reply.text(out.toString());
        }

        private String label(String source) {
            String[] parts = source.split("\\|");
            if (parts.length >= 2) {
                String title = reminders.find(parts[0]).map(StoredSeries::title).orElse(parts[0]);
                return title + " " + String.join(" ", java.util.Arrays.copyOfRange(parts, 1, parts.length));
            }
            return source;
        }
    }

    /** 订阅 / 退订 [活动]: a member's own choice, for one series or all. */
    static final class Subscribe extends CalendarCommand {
        private final SubscriptionRepository subscriptions;
        private final boolean optOut;

        Subscribe(ReminderService reminders, SubscriptionRepository subscriptions, Messages messages, boolean optOut) {
            super(reminders, messages, optOut
                    ? new CommandSpec("退订", List.of("取消订阅", "退订提醒"), "退订 [活动名称]",
                            messages.get("unsubscribe.summary"), Privilege.MEMBER, Locality.ANY)
                    : new CommandSpec("订阅", List.of("订阅提醒"), "订阅 [活动名称]",
                            messages.get("subscribe.summary"), Privilege.MEMBER, Locality.ANY));
            this.subscriptions = subscriptions;
            this.optOut = optOut;
        }

        @Override
        public Reply execute(CommandContext context) {
            long me = context.requireMember().id();
            String arg = context.arguments().strip();
            if (arg.isEmpty() || arg.equals("全部")) {
                subscriptions.setOptedOut(me, SubscriptionRepository.ALL, optOut);
                for (StoredSeries s : reminders.all()) {
                    subscriptions.setOptedOut(me, s.key(), optOut);
                }
                return Reply.text(messages.get(optOut ? "unsubscribe.all" : "subscribe.all"));
            }
            Optional<StoredSeries> s = SeriesFinder.find(reminders.all(), arg);
            if (s.isEmpty()) {
                return Reply.text(messages.get("series.unknown", arg));
            }
            subscriptions.setOptedOut(me, s.get().key(), optOut);
            return Reply.text(messages.get(optOut ? "unsubscribe.done" : "subscribe.done", s.get().title()));
        }
    }
}
