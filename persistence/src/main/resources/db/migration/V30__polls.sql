-- Polls, elections and secret ballots (issue 5).
--
-- Secret by construction: who voted (poll_participation) and what was chosen (ballot) are separate
-- tables written in one transaction. A ballot row holds a random id, the poll, the choices and the
-- hash of a receipt code known only to the voter: no member id, no platform id, no timestamp, and an
-- id that does not reveal the order of voting. Only named polls link a member to a ballot
-- (poll_named_ballot).

CREATE TABLE poll (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    title            VARCHAR(200)  NOT NULL,
    kind             VARCHAR(16)   NOT NULL,
    -- one option a line, in ballot order (options never contain a line break: the form splits on them)
    options          TEXT          NOT NULL,
    max_choices      INT           NOT NULL,
    scale_max        INT           NOT NULL,
    electorate_type  VARCHAR(16)   NOT NULL,
    electorate_value VARCHAR(2000) NOT NULL,
    secret           BOOLEAN       NOT NULL,
    allow_change     BOOLEAN       NOT NULL,
    visibility       VARCHAR(16)   NOT NULL,
    deadline         DATETIME(3)   NOT NULL,
    quorum_num       INT           NULL,
    quorum_den       INT           NULL,
    threshold_num    INT           NULL,
    threshold_den    INT           NULL,
    threshold_basis  VARCHAR(16)   NULL,
    threshold_strict BOOLEAN       NULL,
    status           VARCHAR(8)    NOT NULL,
    created_by       BIGINT        NOT NULL,
    created_at       DATETIME(3)   NOT NULL,
    closed_at        DATETIME(3)   NULL,
    PRIMARY KEY (id),
    KEY poll_status_deadline (status, deadline)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The electorate, fixed when the poll opens.
CREATE TABLE poll_elector (
    poll_id   BIGINT NOT NULL,
    member_id BIGINT NOT NULL,
    PRIMARY KEY (poll_id, member_id),
    KEY poll_elector_member (member_id),
    CONSTRAINT poll_elector_poll FOREIGN KEY (poll_id) REFERENCES poll (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who has voted: one row per (poll, member), whatever platform the vote came from. No time column:
-- the moment of voting could be matched against the order in which ballots appear.
CREATE TABLE poll_participation (
    poll_id   BIGINT NOT NULL,
    member_id BIGINT NOT NULL,
    PRIMARY KEY (poll_id, member_id),
    CONSTRAINT poll_participation_poll FOREIGN KEY (poll_id) REFERENCES poll (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What was chosen. id: 16 random hex digits (InnoDB clusters rows by it, so even the physical order is
-- random). receipt_hash: SHA-256 of the poll id and the voter's receipt code.
CREATE TABLE ballot (
    id           CHAR(16)     COLLATE utf8mb4_bin NOT NULL,
    poll_id      BIGINT       NOT NULL,
    choices      VARCHAR(400) COLLATE utf8mb4_bin NOT NULL,
    receipt_hash CHAR(64)     COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY ballot_receipt (receipt_hash),
    KEY ballot_poll (poll_id),
    CONSTRAINT ballot_poll FOREIGN KEY (poll_id) REFERENCES poll (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Named polls only: whose ballot is which.
CREATE TABLE poll_named_ballot (
    poll_id   BIGINT   NOT NULL,
    member_id BIGINT   NOT NULL,
    ballot_id CHAR(16) COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (poll_id, member_id),
    CONSTRAINT poll_named_ballot_poll FOREIGN KEY (poll_id) REFERENCES poll (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who created, edited, nudged, closed or exported a poll; never what anybody chose.
-- member_id 0 is the scheduler closing at the deadline.
CREATE TABLE poll_audit (
    id        BIGINT      NOT NULL AUTO_INCREMENT,
    poll_id   BIGINT      NOT NULL,
    member_id BIGINT      NOT NULL,
    action    VARCHAR(32) NOT NULL,
    at        DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    KEY poll_audit_poll (poll_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
