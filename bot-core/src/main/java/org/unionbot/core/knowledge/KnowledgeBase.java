package org.unionbot.core.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.unionbot.core.i18n.Messages;

/**
 * The union's knowledge in service: the default entries shipped with the bot, the school's own files
 * (which override and extend them), the school's settings, and the entries committee members made in
 * chat. {@link #reload()} reads everything again; when any file has a problem nothing is swapped and the
 * last good knowledge stays in service, so a typo in a file never takes answers away.
 *
 * <p>Thread-safe: a search works on one immutable {@link KnowledgeIndex} snapshot; reloads swap it.
 */
public final class KnowledgeBase {
    /** Classpath folder of the default knowledge; {@code index.txt} there lists its files in order. */
    static final String DEFAULT_FOLDER = "org/unionbot/core/knowledge/default/";

    private final KnowledgeRepository repository;
    private final Messages messages;
    private final Path directory;
    private final Map<String, String> settingOverrides;
    private final Thresholds thresholds;
    private volatile Snapshot current;

    /**
     * @param directory the school's folder of {@code *.yml} files; may be null or missing (defaults only)
     * @param settingOverrides settings from the application's configuration; they win over files
     */
    public KnowledgeBase(KnowledgeRepository repository, Messages messages, Path directory,
                         Map<String, String> settingOverrides, Thresholds thresholds) {
        this.repository = repository;
        this.messages = messages;
        this.directory = directory;
        this.settingOverrides = Map.copyOf(settingOverrides);
        this.thresholds = thresholds;
    }

    /**
     * When to answer and when to ask "您是想问". Tuned on the labelled question set
     * ({@code KnowledgeAccuracyTest}).
     *
     * @param answer the least coverage for a direct answer
     * @param suggest the least coverage to offer candidates (the first must also share a specific word
     *     with the question); below it the question is handed off
     * @param unanchored the least coverage to offer candidates when no specific word is shared (a typo in
     *     the topic word: 「体捡多久一次」)
     * @param margin how far the first entry must lead the second (coverage plus the fit of its closest
     *     phrasing) for a direct answer
     */
    public record Thresholds(double answer, double suggest, double unanchored, double margin) {
        public static final Thresholds DEFAULT = new Thresholds(0.55, 0.2, 0.42, 0.05);
    }

    /** What a reload did; when {@code applied} is false the previous knowledge is still in service. */
    public record ReloadReport(boolean applied, int entries, int synonyms, List<LoadProblem> problems,
                               Duration took) {}

    /** The outcome of matching one question. */
    public enum Outcome { ANSWER, CHOOSE, HANDOFF }

    /** Candidates best first; {@code confidence} is the first one's coverage (0 when none). */
    public record Match(Outcome outcome, List<Found> candidates, double confidence) {
        public Optional<Found> best() {
            return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0));
        }
    }

    /** One entry found, with its coverage of the question. */
    public record Found(KnowledgeEntry entry, double confidence, boolean anchored) {}

    private record Snapshot(KnowledgeIndex index, Synonyms synonyms, Map<String, String> settings,
                            Map<String, String> contacts) {}

    /** Reads every file again and swaps the knowledge in when all of them are good. */
    public synchronized ReloadReport reload() {
        long start = System.nanoTime();
        List<KnowledgeFile> files = new ArrayList<>();
        List<LoadProblem> problems = new ArrayList<>();
        files.addAll(defaultFiles());
        files.addAll(schoolFiles(problems));
        for (KnowledgeFile file : files) {
            problems.addAll(file.problems());
        }
        if (!problems.isEmpty()) {
            if (current == null) {
                startFromLastGood(files);
            }
            return new ReloadReport(false, entryCount(), synonymCount(), List.copyOf(problems), since(start));
        }
        Map<String, KnowledgeEntry> fileEntries = new LinkedHashMap<>();
        List<List<String>> synonyms = new ArrayList<>();
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, String> contacts = new LinkedHashMap<>();
        for (KnowledgeFile file : files) {
            for (KnowledgeEntry entry : file.entries()) {
                fileEntries.put(entry.id(), entry);
            }
            for (String id : file.disabled()) {
                fileEntries.remove(id);
            }
            synonyms.addAll(file.synonyms());
            settings.putAll(file.settings());
            contacts.putAll(file.contacts());
        }
        settings.putAll(settingOverrides);
        List<KnowledgeEntry> fileList = List.copyOf(fileEntries.values());
        repository.replaceFileEntries(fileList);
        install(fileList, new Synonyms(synonyms), settings, contacts);
        return new ReloadReport(true, entryCount(), synonymCount(), List.of(), since(start));
    }

    /**
     * The first load failed: serve the file entries stored by the last good load, or else the defaults,
     * with the default synonyms and settings.
     */
    private void startFromLastGood(List<KnowledgeFile> files) {
        List<KnowledgeFile> defaults = files.stream().filter(f -> f.name().startsWith("classpath:"))
                .filter(f -> f.problems().isEmpty()).toList();
        List<List<String>> synonyms = new ArrayList<>();
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, String> contacts = new LinkedHashMap<>();
        List<KnowledgeEntry> entries = new ArrayList<>();
        for (KnowledgeFile file : defaults) {
            entries.addAll(file.entries());
            synonyms.addAll(file.synonyms());
            settings.putAll(file.settings());
            contacts.putAll(file.contacts());
        }
        settings.putAll(settingOverrides);
        List<KnowledgeEntry> stored = repository.entries(KnowledgeEntry.ORIGIN_FILE);
        install(stored.isEmpty() ? entries : stored, new Synonyms(synonyms), settings, contacts);
    }

    private void install(List<KnowledgeEntry> fileEntries, Synonyms synonyms, Map<String, String> settings,
                         Map<String, String> contacts) {
        List<KnowledgeEntry> all = new ArrayList<>(fileEntries);
        Set<String> ids = new java.util.HashSet<>();
        fileEntries.forEach(e -> ids.add(e.id()));
        for (KnowledgeEntry chat : repository.entries(KnowledgeEntry.ORIGIN_CHAT)) {
            if (ids.add(chat.id())) {
                all.add(chat);
            }
        }
        current = new Snapshot(new KnowledgeIndex(all, synonyms), synonyms, Map.copyOf(settings),
                Map.copyOf(contacts));
    }

    /** Stores an entry made in chat and makes it findable at once. */
    public synchronized void addChatEntry(KnowledgeEntry entry) {
        repository.saveChatEntry(entry);
        Snapshot s = snapshot();
        List<KnowledgeEntry> all = new ArrayList<>(s.index().entries());
        all.removeIf(e -> e.id().equals(entry.id()));
        all.add(entry);
        current = new Snapshot(new KnowledgeIndex(all, s.synonyms()), s.synonyms(), s.settings(), s.contacts());
    }

    /** Finds the entries for a question and decides whether to answer, offer choices or hand off. */
    public Match match(String question) {
        List<KnowledgeIndex.Candidate> found = snapshot().index().search(question, 3);
        List<Found> candidates = found.stream().map(c -> new Found(c.entry(), c.coverage(), c.anchored())).toList();
        if (candidates.isEmpty()) {
            return new Match(Outcome.HANDOFF, List.of(), 0);
        }
        double best = candidates.get(0).confidence();
        double lead = found.get(0).rank() - (found.size() > 1 ? found.get(1).rank() : 0);
        if (best >= thresholds.answer() && lead >= thresholds.margin()) {
            return new Match(Outcome.ANSWER, candidates, best);
        }
        if (best >= thresholds.suggest() && (candidates.get(0).anchored() || best >= thresholds.unanchored())) {
            List<Found> offered = candidates.stream()
                    .filter(c -> c.confidence() >= thresholds.suggest() * 0.6).toList();
            return new Match(Outcome.CHOOSE, offered, best);
        }
        return new Match(Outcome.HANDOFF, candidates, best);
    }

    public Optional<KnowledgeEntry> entry(String id) {
        return Optional.ofNullable(snapshot().index().entry(id));
    }

    public List<KnowledgeEntry> entries() {
        return snapshot().index().entries();
    }

    /** A school setting, or empty when the school has not set it. */
    public Optional<String> setting(String key) {
        return Optional.ofNullable(snapshot().settings().get(key));
    }

    /** The staff number of the contact for a topic ({@code contacts.<topic>}), else the default contact. */
    public Optional<String> contactStaffNo(String topic) {
        Map<String, String> contacts = snapshot().contacts();
        if (topic != null && contacts.containsKey(topic)) {
            return Optional.of(contacts.get(topic));
        }
        return Optional.ofNullable(contacts.get("default"));
    }

    private Snapshot snapshot() {
        Snapshot s = current;
        if (s == null) {
            throw new IllegalStateException("the knowledge base was not loaded; call reload() first");
        }
        return s;
    }

    private int entryCount() {
        return current == null ? 0 : current.index().entries().size();
    }

    private int synonymCount() {
        return current == null ? 0 : current.synonyms().size();
    }

    private List<KnowledgeFile> defaultFiles() {
        List<KnowledgeFile> files = new ArrayList<>();
        ClassLoader loader = KnowledgeBase.class.getClassLoader();
        for (String name : defaultFileNames(loader)) {
            try (InputStream in = loader.getResourceAsStream(DEFAULT_FOLDER + name)) {
                if (in == null) {
                    throw new IllegalStateException("default knowledge file missing: " + name);
                }
                files.add(KnowledgeFile.parse("classpath:" + name,
                        new InputStreamReader(in, StandardCharsets.UTF_8), messages));
            } catch (IOException e) {
                throw new IllegalStateException("reading default knowledge " + name, e);
            }
        }
        return files;
    }

    private static List<String> defaultFileNames(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(DEFAULT_FOLDER + "index.txt")) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new IllegalStateException("reading the default knowledge index", e);
        }
    }

    private List<KnowledgeFile> schoolFiles(List<LoadProblem> problems) {
        if (directory == null || !Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> paths;
        try (Stream<Path> list = Files.list(directory)) {
            paths = list.filter(p -> {
                String n = p.getFileName().toString();
                return Files.isRegularFile(p) && (n.endsWith(".yml") || n.endsWith(".yaml"));
            }).sorted().toList();
        } catch (IOException e) {
            problems.add(new LoadProblem(directory.toString(), 0, messages.get("knowledge.problem.unreadable",
                    e.getMessage())));
            return List.of();
        }
        List<KnowledgeFile> files = new ArrayList<>();
        for (Path path : paths) {
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                files.add(KnowledgeFile.parse(path.getFileName().toString(), reader, messages));
            } catch (IOException | java.io.UncheckedIOException e) {
                problems.add(new LoadProblem(path.getFileName().toString(), 0,
                        messages.get("knowledge.problem.unreadable", e.getMessage())));
            }
        }
        return files;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
