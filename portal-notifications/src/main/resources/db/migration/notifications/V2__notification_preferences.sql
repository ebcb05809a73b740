-- Each person's choices of SPEC §6, one row per event type and channel they set away from its default. A row
-- that would say what the default says is deleted, so a later change of a default reaches everyone who never chose.
CREATE TABLE ntf_preference (
    account_id BIGINT      NOT NULL,
    event_type VARCHAR(40) NOT NULL,
    channel    VARCHAR(10) NOT NULL,
    enabled    BOOLEAN     NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, event_type, channel),
    CONSTRAINT ntf_preference_channel CHECK (channel IN ('EMAIL', 'IN_APP'))
);
