--liquibase formatted sql

--changeset chotdon:livestream-004-board-version
--comment: One counter per session, moved in the same transaction as every change of what its live board shows (order events, lineup changes, pins, status and title changes). Every instance polls the counters of the sessions its clients follow and reads a snapshot only when one moved, so the clients of every instance see every change, whichever instance applied it.
CREATE TABLE board_version (
    session_id BIGINT NOT NULL,
    version    BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (session_id),
    CONSTRAINT fk_board_version_session FOREIGN KEY (session_id) REFERENCES sale_session (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE board_version;

--changeset chotdon:livestream-004-board-version-existing
--comment: Sessions planned before the counter existed get theirs, so every change is a plain UPDATE of an existing row.
INSERT INTO board_version (session_id, version) SELECT id, 0 FROM sale_session;
--rollback DELETE FROM board_version;

--changeset chotdon:livestream-004-ticker-age
--comment: The ticker's retention deletes the oldest rows first, in batches, by this index.
CREATE INDEX ix_ticker_entry_age ON ticker_entry (placed_at);
--rollback DROP INDEX ix_ticker_entry_age ON ticker_entry;

--changeset chotdon:livestream-004-ticker-trim
--comment: When the ticker's retention last ran. An instance runs it only after winning a conditional UPDATE of this row, so with N instances it runs once per period, not N times.
CREATE TABLE ticker_trim (
    id          TINYINT     NOT NULL,
    last_run_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
INSERT INTO ticker_trim (id, last_run_at) VALUES (1, '2000-01-01 00:00:00');
--rollback DROP TABLE ticker_trim;
