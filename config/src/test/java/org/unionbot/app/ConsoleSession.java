package org.unionbot.app;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.unionbot.adapter.admin.e2e.ConsoleBrowser;
import org.unionbot.persistence.testing.TestDatabase;

/**
 * What the console's browser tests start with: the assembled application on the test database, its
 * roster from a file, the first administrator {@code xujing} (staff number E2E0) from the environment's
 * properties, and a headless Chromium pointed at it. Closing stops both.
 */
final class ConsoleSession implements AutoCloseable {
    static final String ADMIN = "xujing";
    static final String ADMIN_STAFF_NO = "E2E0";
    static final String PASSWORD = "e2e-secret-password";

    private final ConfigurableApplicationContext app;
    private final ConsoleBrowser browser;
    private final int port;

    private ConsoleSession(ConfigurableApplicationContext app, ConsoleBrowser browser, int port) {
        this.app = app;
        this.browser = browser;
        this.port = port;
    }

    /** Starts on an emptied test database; {@code moreArgs} are further {@code --name=value} settings. */
    static ConsoleSession start(Path roster, String... moreArgs) {
        TestDatabase.truncateAll();
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--unionbot.db.url=" + TestDatabase.jdbcUrl(),
                "--unionbot.roster.file=" + roster, "--unionbot.admin.username=" + ADMIN,
                "--unionbot.admin.password=" + PASSWORD, "--unionbot.admin.staff-no=" + ADMIN_STAFF_NO));
        args.addAll(List.of(moreArgs));
        ConfigurableApplicationContext app = new SpringApplicationBuilder(UnionBotApplication.class)
                .run(args.toArray(String[]::new));
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            return new ConsoleSession(app, ConsoleBrowser.start("http://localhost:" + port), port);
        } catch (RuntimeException | Error noBrowser) {
            // a skipped test (no Chromium) or a failed start must not leave the application running
            app.close();
            throw noBrowser;
        }
    }

    /** Writes a one-sheet .xlsx (a roster as the console and the import read it). */
    static void xlsx(Path file, String[][] rows) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var sheet = book.createSheet();
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
        }
    }

    ConfigurableApplicationContext app() {
        return app;
    }

    ConsoleBrowser browser() {
        return browser;
    }

    int port() {
        return port;
    }

    /** Logs the first administrator in. */
    void loginAsAdmin() {
        browser.login(ADMIN, PASSWORD);
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            app.close();
        }
    }
}
