package org.unionbot.core.knowledge;

import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.unionbot.core.i18n.Messages;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One knowledge file as the union writes it, read from YAML nodes (not objects) so that every problem
 * can name its line: a teacher fixing a file needs "第 12 行：缺少 answer", not a stack trace.
 *
 * <pre>
 * synonyms:
 *   - [体检, 检查身体]
 * settings:
 *   checkup.cycle: 每两年一次
 * contacts:
 *   default: C000          # staff number of the committee member who follows up
 * entries:
 *   - id: checkup-cycle
 *     title: 体检多久一次
 *     questions: [体检多久一次, 今年有体检吗]
 *     answer: 本校教职工体检${checkup.cycle}。
 *     category: 体检
 *     source: 本校工会福利办法
 *     effective: 2024-09-01
 * </pre>
 *
 * @param disabled ids of entries the file switches off (a school removing a default entry)
 */
record KnowledgeFile(String name, List<KnowledgeEntry> entries, Set<String> disabled, List<List<String>> synonyms,
                     Map<String, String> settings, Map<String, String> contacts, List<LoadProblem> problems) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Set<String> TOP_KEYS = Set.of("entries", "synonyms", "settings", "contacts");
    private static final Set<String> ENTRY_KEYS = Set.of("id", "title", "questions", "answer", "category",
            "audience", "source", "effective", "contact", "personal", "disabled");

    static KnowledgeFile parse(String name, Reader reader, Messages messages) {
        Builder b = new Builder(name, messages);
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            b.problem(line, "knowledge.problem.syntax", e.getProblem());
            return b.build();
        } catch (YAMLException e) {
            b.problem(0, "knowledge.problem.syntax", e.getMessage());
            return b.build();
        }
        if (root == null) {
            return b.build(); // an empty file is allowed
        }
        if (!(root instanceof MappingNode top)) {
            b.problem(line(root), "knowledge.problem.topLevel");
            return b.build();
        }
        for (NodeTuple tuple : top.getValue()) {
            String key = scalar(tuple.getKeyNode());
            Node value = tuple.getValueNode();
            switch (key == null ? "" : key) {
                case "entries" -> b.entries(value);
                case "synonyms" -> b.synonyms(value);
                case "settings" -> b.map(value, b.settings);
                case "contacts" -> b.map(value, b.contacts);
                default -> b.problem(line(tuple.getKeyNode()), "knowledge.problem.unknownKey", key,
                        String.join(", ", TOP_KEYS));
            }
        }
        return b.build();
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    private static final class Builder {
        final String name;
        final Messages messages;
        final List<KnowledgeEntry> entries = new ArrayList<>();
        final Set<String> disabled = new java.util.LinkedHashSet<>();
        final List<List<String>> synonyms = new ArrayList<>();
        final Map<String, String> settings = new LinkedHashMap<>();
        final Map<String, String> contacts = new LinkedHashMap<>();
        final List<LoadProblem> problems = new ArrayList<>();
        final Set<String> seen = new java.util.HashSet<>();

        Builder(String name, Messages messages) {
            this.name = name;
            this.messages = messages;
        }

        void problem(int line, String key, Object... args) {
            problems.add(new LoadProblem(name, line, messages.get(key, args)));
        }

        KnowledgeFile build() {
            return new KnowledgeFile(name, List.copyOf(entries), Set.copyOf(disabled), List.copyOf(synonyms),
                    Map.copyOf(settings), Map.copyOf(contacts), List.copyOf(problems));
        }

        void map(Node node, Map<String, String> target) {
            if (!(node instanceof MappingNode mapping)) {
                problem(line(node), "knowledge.problem.notMap");
                return;
            }
            for (NodeTuple tuple : mapping.getValue()) {
                String key = scalar(tuple.getKeyNode());
                String value = scalar(tuple.getValueNode());
                if (key == null || value == null) {
                    problem(line(tuple.getKeyNode()), "knowledge.problem.notText");
                } else if (!value.isBlank()) {
                    target.put(key.strip(), value.strip());
                }
            }
        }

        void synonyms(Node node) {
            if (!(node instanceof SequenceNode list)) {
                problem(line(node), "knowledge.problem.notList", "synonyms");
                return;
            }
            for (Node group : list.getValue()) {
                List<String> words = strings(group, "synonyms");
                if (words != null && words.size() < 2) {
                    problem(line(group), "knowledge.problem.synonymGroup");
                } else if (words != null) {
                    synonyms.add(words);
                }
            }
        }

        void entries(Node node) {
            if (!(node instanceof SequenceNode list)) {
                problem(line(node), "knowledge.problem.notList", "entries");
                return;
            }
            for (Node item : list.getValue()) {
                if (item instanceof MappingNode mapping) {
                    entry(mapping);
                } else {
                    problem(line(item), "knowledge.problem.entryNotMap");
                }
            }
        }

        private void entry(MappingNode node) {
            Map<String, Node> fields = new LinkedHashMap<>();
            int before = problems.size();
            for (NodeTuple tuple : node.getValue()) {
                String key = scalar(tuple.getKeyNode());
                if (key == null || !ENTRY_KEYS.contains(key)) {
                    problem(line(tuple.getKeyNode()), "knowledge.problem.unknownEntryKey", key,
                            String.join(", ", ENTRY_KEYS));
                } else {
                    fields.put(key, tuple.getValueNode());
                }
            }
            String id = text(fields, "id", node);
            if (id == null) {
                problem(line(node), "knowledge.problem.missing", "id");
                return;
            }
            if (!ID.matcher(id).matches()) {
                problem(line(fields.get("id")), "knowledge.problem.badId", id);
                return;
            }
            if (!seen.add(id)) {
                problem(line(fields.get("id")), "knowledge.problem.duplicateId", id);
                return;
            }
            if ("true".equalsIgnoreCase(text(fields, "disabled", node))) {
                disabled.add(id);
                return;
            }
            PersonalTopic personal = null;
            String personalText = text(fields, "personal", node);
            if (personalText != null) {
                personal = PersonalTopic.parse(personalText);
                if (personal == null) {
                    problem(line(fields.get("personal")), "knowledge.problem.personal", personalText);
                }
            }
            String title = text(fields, "title", node);
            List<String> questions = fields.containsKey("questions") ? strings(fields.get("questions"), "questions")
                    : null;
            String answer = text(fields, "answer", node);
            String source = text(fields, "source", node);
            if (title == null) {
                problem(line(node), "knowledge.problem.missingIn", id, "title");
            }
            if (questions == null || questions.isEmpty()) {
                problem(line(node), "knowledge.problem.missingIn", id, "questions");
            }
            if (personal == null && answer == null) {
                problem(line(node), "knowledge.problem.missingIn", id, "answer");
            }
            if (personal == null && source == null) {
                problem(line(node), "knowledge.problem.missingIn", id, "source");
            }
            LocalDate effective = null;
            String date = text(fields, "effective", node);
            if (date != null) {
                try {
                    effective = LocalDate.parse(date);
                } catch (DateTimeParseException e) {
                    problem(line(fields.get("effective")), "knowledge.problem.date", date);
                }
            }
            if (problems.size() > before) {
                return;
            }
            entries.add(new KnowledgeEntry(id, title, questions, answer, text(fields, "category", node),
                    text(fields, "audience", node), source, effective, text(fields, "contact", node), personal,
                    KnowledgeEntry.ORIGIN_FILE));
        }

        private String text(Map<String, Node> fields, String key, Node owner) {
            Node node = fields.get(key);
            if (node == null) {
                return null;
            }
            if (!(node instanceof ScalarNode s)) {
                problem(line(node), "knowledge.problem.fieldNotText", key);
                return null;
            }
            String value = s.getValue().strip();
            return value.isEmpty() ? null : value;
        }

        private List<String> strings(Node node, String what) {
            if (!(node instanceof SequenceNode list)) {
                problem(line(node), "knowledge.problem.notList", what);
                return null;
            }
            List<String> out = new ArrayList<>();
            for (Node item : list.getValue()) {
                String value = scalar(item);
                if (value == null) {
                    problem(line(item), "knowledge.problem.notText");
                } else if (!value.isBlank()) {
                    out.add(value.strip());
                }
            }
            return out;
        }
    }
}
