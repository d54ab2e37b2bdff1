--liquibase formatted sql

--changeset chotdon:platform-004-outbox-relay-lease
--comment: One relayer at a time across instances: a relay round locks this row with FOR UPDATE SKIP LOCKED; an instance that gets nothing leaves the round to the one relaying.
CREATE TABLE outbox_relay_lease (
    name VARCHAR(50) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
INSERT INTO outbox_relay_lease (name) VALUES ('relay'), ('retention');
--rollback DROP TABLE outbox_relay_lease;

--changeset chotdon:platform-004-outbox-event-parking
--comment: A row Kafka refuses for good (too large, invalid topic) is parked with its error instead of blocking the rows behind it.
ALTER TABLE outbox_event
    ADD COLUMN attempts   INT           NOT NULL DEFAULT 0,
    ADD COLUMN last_error VARCHAR(1000) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
    ADD COLUMN parked_at  DATETIME(6)   NULL,
    ADD KEY ix_outbox_event_parked (parked_at, id);
--rollback ALTER TABLE outbox_event DROP KEY ix_outbox_event_parked, DROP COLUMN parked_at, DROP COLUMN last_error, DROP COLUMN attempts;
