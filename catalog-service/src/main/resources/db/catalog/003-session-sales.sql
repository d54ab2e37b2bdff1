--liquibase formatted sql

--changeset chotdon:catalog-003-session-reservation-sold
--comment: Units of a session's reservation sold by confirmed orders, and whether the session has ended.
ALTER TABLE session_reservation
    ADD COLUMN sold BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN closed BOOLEAN NOT NULL DEFAULT FALSE,
    ADD CONSTRAINT ck_session_reservation_sold CHECK (sold >= 0 AND sold <= quantity);
--rollback ALTER TABLE session_reservation DROP CONSTRAINT ck_session_reservation_sold, DROP COLUMN closed, DROP COLUMN sold;
