-- Idea rounds (金点子): a call with a deadline and its numbered ideas; the shortlist is a flag.
CREATE TABLE idea_round (
    id        BIGINT       NOT NULL AUTO_INCREMENT,
    theme     VARCHAR(200) NOT NULL,
    opens_at  DATETIME(3)  NOT NULL,
    deadline  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_idea_round_opens (opens_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE idea (
    id          BIGINT  NOT NULL AUTO_INCREMENT,
    round_id    BIGINT  NOT NULL,
    number      INT     NOT NULL,
    author_id   BIGINT  NOT NULL,
    text        TEXT    NOT NULL,
    shortlisted BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (id),
    UNIQUE KEY uk_idea_number (round_id, number),
    CONSTRAINT fk_idea_round FOREIGN KEY (round_id) REFERENCES idea_round (id) ON DELETE CASCADE,
    CONSTRAINT fk_idea_author FOREIGN KEY (author_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
