package org.unionbot.app;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ClassPathResource;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.PlatformIdentity;
import org.unionbot.core.member.roster.ImportReport;
import org.unionbot.core.member.roster.RosterFiles;
import org.unionbot.core.member.roster.RosterImporter;
import org.unionbot.core.message.Platform;

/**
 * Loads the demo school (demo/roster.csv, 200 members in 8 union groups) into an empty embedded
 * database, before the web server opens, and binds web user ids: the chair is {@code chair}, member
 * T001 is {@code t001} and so on. Registered only when the demo is active, so a real database never
 * receives demo data.
 */
final class DemoSchool implements SmartInitializingSingleton {
    private static final System.Logger LOG = System.getLogger(DemoSchool.class.getName());
    static final String ROSTER = "demo/roster.csv";
    static final String CHAIR_STAFF_NO = "T000";

    private final MemberRepository members;
    private final RosterImporter importer;
    private final TransactionTemplate transaction;

    DemoSchool(MemberRepository members, RosterImporter importer, TransactionTemplate transaction) {
        this.members = members;
        this.importer = importer;
        this.transaction = transaction;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (members.count() > 0) {
            return; // loaded on an earlier start; the union may have changed it since
        }
        // One transaction: a couple of thousand statements share one commit (a first start is on the
        // clock), and a start interrupted half-way leaves no half school to be mistaken for a loaded one.
        ImportReport report = transaction.execute(status -> load());
        LOG.log(Level.INFO, "demo school loaded: {0} members; open http://localhost:8080 and pick a person",
                report.created());
    }

    private ImportReport load() {
        ImportReport report;
        try (var reader = new InputStreamReader(new ClassPathResource(ROSTER).getInputStream(), StandardCharsets.UTF_8)) {
            report = importer.importTable(RosterFiles.readCsv(reader));
        } catch (IOException e) {
            throw new UncheckedIOException("demo roster missing from the jar", e);
        }
        if (!report.errors().isEmpty()) {
            throw new IllegalStateException("demo roster has errors: " + report.errors());
        }
        for (Member member : members.findAll()) {
            members.bindIdentity(new PlatformIdentity(Platform.WEB, webUserId(member), member.id()));
        }
        return report;
    }

    static String webUserId(Member member) {
        return CHAIR_STAFF_NO.equals(member.staffNo()) ? "chair" : member.staffNo().toLowerCase(Locale.ROOT);
    }
}
