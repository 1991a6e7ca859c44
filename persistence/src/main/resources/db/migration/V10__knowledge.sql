-- The union's knowledge (issue 3). knowledge_entry holds the entries in service: those of the last good
-- load of the YAML files (origin 'file', replaced as a whole on every good reload, so a start with a
-- broken file still serves them) and those committee members made in chat from unanswered questions
-- (origin 'chat', which no file holds). Phrasings are kept one per line.
CREATE TABLE knowledge_entry (
    id          VARCHAR(64)  COLLATE utf8mb4_bin NOT NULL,
    origin      VARCHAR(8)   NOT NULL,
    title       VARCHAR(200) NOT NULL,
    questions   TEXT         NOT NULL,
    answer      TEXT         NOT NULL,
    category    VARCHAR(50)  NOT NULL,
    audience    VARCHAR(50)  NOT NULL,
    source      VARCHAR(500) NOT NULL,
    effective   DATE         NULL,
    contact     VARCHAR(50)  NULL,
    personal    VARCHAR(16)  NULL,
    PRIMARY KEY (id),
    KEY idx_knowledge_entry_origin (origin)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Questions the bot handed off to a committee member. The asker is kept so the committee member can
-- answer them; entry_id is set when the answer became a knowledge entry.
CREATE TABLE knowledge_unanswered (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    question         VARCHAR(500) NOT NULL,
    asker_member_id  BIGINT       NULL,
    assignee_member_id BIGINT     NULL,
    asked_at         DATETIME(3)  NOT NULL,
    entry_id         VARCHAR(64)  COLLATE utf8mb4_bin NULL,
    resolved_at      DATETIME(3)  NULL,
    PRIMARY KEY (id),
    KEY idx_knowledge_unanswered_open (entry_id, asked_at),
    CONSTRAINT fk_knowledge_unanswered_asker FOREIGN KEY (asker_member_id) REFERENCES member (id) ON DELETE SET NULL,
    CONSTRAINT fk_knowledge_unanswered_assignee FOREIGN KEY (assignee_member_id) REFERENCES member (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
