--liquibase formatted sql

--changeset chotdon:catalog-004-session-reservation-held
--comment: Units of a session's reservation held by orders not yet confirmed, so that closing a session keeps exactly sold + held.
ALTER TABLE session_reservation
    ADD COLUMN held BIGINT NOT NULL DEFAULT 0,
    ADD CONSTRAINT ck_session_reservation_held CHECK (held >= 0);
--rollback ALTER TABLE session_reservation DROP CONSTRAINT ck_session_reservation_held, DROP COLUMN held;
