-- Care cases (慰问) and their follow-up notes. Confidential by application rule: only the chair and
-- the assignee are shown a case. The ref is random so that a number says nothing about other cases.
CREATE TABLE care_case (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    ref                CHAR(6)      NOT NULL,
    type               VARCHAR(16)  NOT NULL,
    reporter_member_id BIGINT       NOT NULL,
    subject_member_id  BIGINT       NULL,
    subject_name       VARCHAR(100) NOT NULL,
    details            TEXT         NOT NULL,
    assignee_member_id BIGINT       NULL,
    status             VARCHAR(16)  NOT NULL,
    reported_at        DATETIME(3)  NOT NULL,
    closed_at          DATETIME(3)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_care_case_ref (ref),
    KEY idx_care_case_status (status),
    CONSTRAINT fk_care_case_reporter FOREIGN KEY (reporter_member_id) REFERENCES member (id) ON DELETE CASCADE,
    CONSTRAINT fk_care_case_subject FOREIGN KEY (subject_member_id) REFERENCES member (id) ON DELETE SET NULL,
    CONSTRAINT fk_care_case_assignee FOREIGN KEY (assignee_member_id) REFERENCES member (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE care_case_note (
    id               BIGINT      NOT NULL AUTO_INCREMENT,
    case_id          BIGINT      NOT NULL,
    author_member_id BIGINT      NOT NULL,
    noted_at         DATETIME(3) NOT NULL,
    text             TEXT        NOT NULL,
    PRIMARY KEY (id),
    KEY idx_care_case_note_case (case_id),
    CONSTRAINT fk_care_case_note_case FOREIGN KEY (case_id) REFERENCES care_case (id) ON DELETE CASCADE,
    CONSTRAINT fk_care_case_note_author FOREIGN KEY (author_member_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
