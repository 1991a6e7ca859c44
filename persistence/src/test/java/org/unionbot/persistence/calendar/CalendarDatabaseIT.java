package org.unionbot.persistence.calendar;

import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.unionbot.core.member.Gender;
import org.unionbot.core.member.MemberDraft;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.MemberStatus;
import org.unionbot.core.member.PlatformIdentity;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.message.Platform;
import org.unionbot.persistence.testing.MutableClock;
import org.unionbot.persistence.testing.TestDatabase;

/** Base of the calendar's database tests: empty tables and the clock at the start before each test. */
@SpringBootTest(classes = CalendarTestApplication.class, properties = "logging.level.org.unionbot=INFO")
abstract class CalendarDatabaseIT {
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected MemberRepository members;

    protected final JdbcTemplate sql = new JdbcTemplate(TestDatabase.dataSource());

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.truncateAll();
        clock.set(CalendarTestApplication.START);
    }

    /** Members T0001… with web accounts w0001…; returns their ids. */
    protected long[] teachers(int n) {
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            String no = String.format("%04d", i + 1);
            ids[i] = members.save(new MemberDraft("教师" + no, "T" + no, Gender.UNKNOWN, null, MemberStatus.ACTIVE, null,
                    "0000", null, Set.of(UnionRole.MEMBER), Set.of())).memberId();
            members.bindIdentity(new PlatformIdentity(Platform.WEB, "w" + no, ids[i]));
        }
        return ids;
    }
}
