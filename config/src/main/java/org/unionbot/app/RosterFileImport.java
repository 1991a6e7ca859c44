package org.unionbot.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.unionbot.core.member.roster.ImportReport;
import org.unionbot.core.member.roster.RosterFiles;
import org.unionbot.core.member.roster.RosterImporter;
import org.unionbot.core.member.roster.RosterTable;
import org.unionbot.core.member.roster.RowError;

/**
 * Imports the roster file named by {@code unionbot.roster.file} (CSV or .xlsx) at every start, before
 * the web server opens. The import is idempotent, so the school's IT teacher updates the roster by
 * replacing the file and restarting; each bad row is logged with its row number and the good rows are
 * imported.
 */
final class RosterFileImport implements SmartInitializingSingleton {
    private static final System.Logger LOG = System.getLogger(RosterFileImport.class.getName());

    private final Path file;
    private final RosterImporter importer;

    RosterFileImport(Path file, RosterImporter importer) {
        this.file = file;
        this.importer = importer;
    }

    @Override
    public void afterSingletonsInstantiated() {
        ImportReport report = importer.importTable(read(file));
        LOG.log(Level.INFO, "roster {0}: {1} new, {2} updated, {3} unchanged, {4} rows with errors", file,
                report.created(), report.updated(), report.unchanged(), report.errors().size());
        for (RowError error : report.errors()) {
            LOG.log(Level.WARNING, "roster {0} row {1}: {2}", file.getFileName(), error.rowNumber(), error.message());
        }
    }

    static RosterTable read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
                try (InputStream in = Files.newInputStream(file)) {
                    return RosterFiles.readExcel(in);
                }
            }
            try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return RosterFiles.readCsv(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the roster file " + file
                    + " (CSV must be UTF-8; Excel must be .xlsx)", e);
        }
    }
}
