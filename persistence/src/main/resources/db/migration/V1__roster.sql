-- The union roster: groups, members, their roles and tags, the platform accounts bound to them and the
-- one-time codes that bind them.
--
-- Runs on MySQL 8.0+ and MariaDB 10.11+: plain DDL only, no vendor-only syntax.
--
-- Character sets: every table is utf8mb4 so that names keep emoji and CJK extension characters (𠮷).
-- Columns that act as exact keys use utf8mb4_bin instead of the table's utf8mb4_unicode_ci, because
-- unicode_ci (UCA 4.0.0) gives every character outside the BMP the same weight and ignores case:
-- two tags '🌸' and '🌼', or two groups '𠮷组' and '𡈽组', would collide in a unique key, and two
-- WeChat openids differing only in letter case would be taken for one account.
--
-- Times: every *_at column holds UTC, written by the application (DATETIME has no zone; TIMESTAMP
-- would follow the session time zone and ends in 2038).

CREATE TABLE union_group (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    name             VARCHAR(100) COLLATE utf8mb4_bin NOT NULL,
    leader_member_id BIGINT       NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_union_group_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE member (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    name              VARCHAR(100) NOT NULL,
    -- Case- and width-insensitive on purpose: 'T001' and 'ｔ００１' from two roster files are one person.
    staff_no          VARCHAR(64)  NOT NULL,
    gender            VARCHAR(16)  NOT NULL,
    birthday_calendar VARCHAR(8)   NULL,
    birthday_month    TINYINT      NULL,
    birthday_day      TINYINT      NULL,
    birthday_leap     BOOLEAN      NOT NULL DEFAULT FALSE,
    status            VARCHAR(16)  NOT NULL,
    join_date         DATE         NULL,
    phone_tail        CHAR(4)      NULL,
    group_id          BIGINT       NULL,
    created_at        DATETIME(3)  NOT NULL,
    updated_at        DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_member_staff_no (staff_no),
    KEY idx_member_group (group_id),
    CONSTRAINT fk_member_group FOREIGN KEY (group_id) REFERENCES union_group (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Added after member exists: group and member point at each other.
ALTER TABLE union_group
    ADD CONSTRAINT fk_union_group_leader FOREIGN KEY (leader_member_id) REFERENCES member (id) ON DELETE SET NULL;

CREATE TABLE member_role (
    member_id BIGINT      NOT NULL,
    role      VARCHAR(32) NOT NULL,
    PRIMARY KEY (member_id, role),
    KEY idx_member_role_role (role),
    CONSTRAINT fk_member_role_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE member_tag (
    member_id BIGINT      NOT NULL,
    tag       VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (member_id, tag),
    KEY idx_member_tag_tag (tag),
    CONSTRAINT fk_member_tag_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per platform account; the primary key is what stops one account from speaking for two
-- people, whatever two instances do at the same moment.
CREATE TABLE member_identity (
    platform         VARCHAR(16)  NOT NULL,
    platform_user_id VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
    member_id        BIGINT       NOT NULL,
    bound_at         DATETIME(3)  NOT NULL,
    PRIMARY KEY (platform, platform_user_id),
    KEY idx_member_identity_member (member_id),
    CONSTRAINT fk_member_identity_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Only the SHA-256 (hex) of a code is stored: reading this table does not let anyone bind.
CREATE TABLE binding_code (
    code_hash  CHAR(64)    COLLATE utf8mb4_bin NOT NULL,
    member_id  BIGINT      NOT NULL,
    expires_at DATETIME(3) NOT NULL,
    used_at    DATETIME(3) NULL,
    PRIMARY KEY (code_hash),
    KEY idx_binding_code_member (member_id),
    CONSTRAINT fk_binding_code_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
