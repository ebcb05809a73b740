-- Notifications schema, version 1: the ids of the domain events already handled (consumers are idempotent).
CREATE TABLE ntf_handled_event (
    event_id   VARCHAR(36) NOT NULL PRIMARY KEY,
    event_type VARCHAR(40) NOT NULL,
    handled_at TIMESTAMP WITH TIME ZONE NOT NULL
);
