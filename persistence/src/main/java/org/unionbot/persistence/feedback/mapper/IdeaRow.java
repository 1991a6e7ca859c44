package org.unionbot.persistence.feedback.mapper;

/** An {@code idea} row. */
public class IdeaRow {
    public Long id;
    public long roundId;
    public int number;
    public long authorId;
    public String text;
    public boolean shortlisted;

    @Override
    public String toString() {
        return "IdeaRow[round=" + roundId + ", number=" + number + "]";
    }
}
