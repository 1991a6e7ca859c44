package org.unionbot.core.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The school's terms as the school sets them each term: start, end, exam weeks, vacations. */
public final class TermCalendar {
    private final List<SchoolTerm> terms;

    public TermCalendar(List<SchoolTerm> terms) {
        this.terms = List.copyOf(terms);
    }

    public static TermCalendar empty() {
        return new TermCalendar(List.of());
    }

    /**
     * Terms from YAML: {@code terms: [{name: 2026秋, start: 2026-09-01, end: 2027-01-22, exam_start:
     * 2027-01-11}]}; the school sets them each term.
     */
    @SuppressWarnings("unchecked")
    public static TermCalendar fromYaml(String text) {
        Object root = new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(
                new org.yaml.snakeyaml.LoaderOptions())).load(text);
        List<SchoolTerm> terms = new ArrayList<>();
        if (root instanceof java.util.Map<?, ?> map && map.get("terms") instanceof List<?> list) {
            for (Object o : list) {
                java.util.Map<String, Object> t = (java.util.Map<String, Object>) o;
                terms.add(new SchoolTerm(String.valueOf(t.get("name")), date(t.get("start")), date(t.get("end")),
                        t.get("exam_start") == null ? null : date(t.get("exam_start"))));
            }
        }
        return new TermCalendar(terms);
    }

    private static LocalDate date(Object v) {
        if (v instanceof java.util.Date d) {
            return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        return LocalDate.parse(String.valueOf(v));
    }

    public List<SchoolTerm> terms() {
        return terms;
    }

    /** The days a mark falls on, over all known terms. */
    public List<LocalDate> datesOf(Mark mark) {
        List<LocalDate> out = new ArrayList<>();
        for (SchoolTerm t : terms) {
            switch (mark) {
                case TERM_START -> out.add(t.start());
                case TERM_END -> out.add(t.end());
                case EXAM_START -> { if (t.examStart() != null) { out.add(t.examStart()); } }
                case VACATION_START -> out.add(t.end().plusDays(1));
            }
        }
        return out;
    }

    /** Which day of a term a rule names. */
    public enum Mark {
        TERM_START,
        TERM_END,
        EXAM_START,
        VACATION_START
    }

    /** One term; the vacation starts the day after {@code end}. */
    public record SchoolTerm(String name, LocalDate start, LocalDate end, LocalDate examStart) {
        public SchoolTerm {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("term " + name + " ends before it starts");
            }
        }
    }
}
