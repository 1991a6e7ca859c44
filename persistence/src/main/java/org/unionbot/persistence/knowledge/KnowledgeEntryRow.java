package org.unionbot.persistence.knowledge;

import java.time.LocalDate;

/** A {@code knowledge_entry} row; MyBatis fills the fields by name. */
public final class KnowledgeEntryRow {
    private String id;
    private String origin;
    private String title;
    private String questions;
    private String answer;
    private String category;
    private String audience;
    private String source;
    private LocalDate effective;
    private String contact;
    private String personal;

    public KnowledgeEntryRow() {}

    KnowledgeEntryRow(String id, String origin, String title, String questions, String answer, String category,
                      String audience, String source, LocalDate effective, String contact, String personal) {
        this.id = id;
        this.origin = origin;
        this.title = title;
        this.questions = questions;
        this.answer = answer;
        this.category = category;
        this.audience = audience;
        this.source = source;
        this.effective = effective;
        this.contact = contact;
        this.personal = personal;
    }

    public String getId() { return id; }
    public String getOrigin() { return origin; }
    public String getTitle() { return title; }
    public String getQuestions() { return questions; }
    public String getAnswer() { return answer; }
    public String getCategory() { return category; }
    public String getAudience() { return audience; }
    public String getSource() { return source; }
    public LocalDate getEffective() { return effective; }
    public String getContact() { return contact; }
    public String getPersonal() { return personal; }
}
