-- Congress proposals (提案): sessions (届/次) with their window, proposals numbered within a session,
-- and co-signers. The unique key (session_id, number) is what keeps numbers unique when two delegates
-- submit at the same moment: the loser of the race gets a duplicate key and takes the next number.
CREATE TABLE proposal_session (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    term         INT         NOT NULL,
    meeting      INT         NOT NULL,
    opens_at     DATETIME(3) NOT NULL,
    closes_at    DATETIME(3) NOT NULL,
    published_at DATETIME(3) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_proposal_session (term, meeting),
    KEY idx_proposal_session_opens (opens_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE proposal (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    session_id     BIGINT       NOT NULL,
    number         INT          NOT NULL,
    proposer_id    BIGINT       NOT NULL,
    title          VARCHAR(1000) NOT NULL,
    reasons        TEXT         NOT NULL,
    measures       TEXT         NOT NULL,
    office         VARCHAR(200) NULL,
    reply          TEXT         NULL,
    replied_at     DATETIME(3)  NULL,
    implementation VARCHAR(16)  NOT NULL,
    satisfaction   VARCHAR(24)  NULL,
    submitted_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_proposal_number (session_id, number),
    KEY idx_proposal_proposer (proposer_id),
    CONSTRAINT fk_proposal_session FOREIGN KEY (session_id) REFERENCES proposal_session (id) ON DELETE CASCADE,
    CONSTRAINT fk_proposal_proposer FOREIGN KEY (proposer_id) REFERENCES member (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE proposal_cosigner (
    proposal_id BIGINT NOT NULL,
    member_id   BIGINT NOT NULL,
    PRIMARY KEY (proposal_id, member_id),
    KEY idx_proposal_cosigner_member (member_id),
    CONSTRAINT fk_proposal_cosigner_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id) ON DELETE CASCADE,
    CONSTRAINT fk_proposal_cosigner_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
