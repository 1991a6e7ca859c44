package org.unionbot.app;

import java.io.IOException;
import java.io.StringReader;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.context.ApplicationContext;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.PlatformIdentity;
import org.unionbot.core.member.roster.RosterFiles;
import org.unionbot.core.member.roster.RosterImporter;
import org.unionbot.core.message.Platform;

/** Shared set-up of the calendar's application tests: a roster with web accounts, a plan due in seconds. */
final class CalendarItSupport {
    static final ZoneId SCHOOL = ZoneId.of("Asia/Shanghai");

    private CalendarItSupport() {
    }

    /** The chair C000 and {@code teachers} teachers T001…; each bound to the web account "w" + staff no. */
    static void roster(ApplicationContext app, int teachers) throws IOException {
        StringBuilder csv = new StringBuilder("姓名,工号,性别,工会小组,角色,手机\n吴强,C000,男,行政组,主席,13900002222\n");
        for (int i = 1; i <= teachers; i++) {
            csv.append(String.format("教师%03d,T%03d,女,语文组,会员,138%08d\n", i, i, i));
        }
        app.getBean(RosterImporter.class).importTable(RosterFiles.readCsv(new StringReader(csv.toString())));
        MemberRepository members = app.getBean(MemberRepository.class);
        bind(members, "C000");
        for (int i = 1; i <= teachers; i++) {
            bind(members, String.format("T%03d", i));
        }
    }

    private static void bind(MemberRepository members, String staffNo) {
        Member m = members.findByStaffNo(staffNo).orElseThrow();
        members.bindIdentity(new PlatformIdentity(Platform.WEB, "w" + staffNo, m.id()));
    }

    /**
     * A one-item YAML plan whose day-of reminder is due {@code seconds} from now (school time): the date
     * rule is today's month and day, the time has seconds. Urgent, so that quiet hours never hold it
     * whatever the hour the test runs at.
     */
    static String planDueIn(String key, String title, int seconds) {
        ZonedDateTime at = ZonedDateTime.now(SCHOOL).plusSeconds(seconds);
        return "plan: 测试计划\nitems:\n"
                + "  - key: " + key + "\n"
                + "    title: " + title + "\n"
                + "    date: " + at.getMonthValue() + "月" + at.getDayOfMonth() + "日\n"
                + "    time: '" + at.toLocalTime().withNano(0).format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "'\n"
                + "    audience: 全体会员\n"
                + "    place: 学校礼堂\n"
                + "    urgent: true\n";
    }

    /** The source key of the day-of reminder of {@link #planDueIn}. */
    static String dayOfKey(String key, int seconds) {
        return key + "|" + ZonedDateTime.now(SCHOOL).plusSeconds(seconds).toLocalDate() + "|D0";
    }
}
