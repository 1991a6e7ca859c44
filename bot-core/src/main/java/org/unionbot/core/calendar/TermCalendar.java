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
