-- One-time links sent by e-mail: an invitation to set a first password (7 days), a password reset (1 hour), the
-- confirmation of a new e-mail address (24 hours). Only a SHA-256 of each link's secret is kept, and it is made
-- when the mail is written (by the notifications module), so neither this table nor a queued event holds a link
-- that works. A link is used once; a newer link of the same kind cancels the older ones.
CREATE TABLE account_link (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    account_id     BIGINT       NOT NULL REFERENCES user_account (id),
    purpose        VARCHAR(20)  NOT NULL,
    new_email      VARCHAR(254),
    previous_email VARCHAR(254),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    secret_hash    VARCHAR(64),
    used_at        TIMESTAMP WITH TIME ZONE,
    cancelled_at   TIMESTAMP WITH TIME ZONE,
    version        BIGINT       NOT NULL,
    CONSTRAINT account_link_purpose CHECK (purpose IN ('INVITATION', 'PASSWORD_RESET', 'EMAIL_CHANGE')),
    CONSTRAINT account_link_email_change CHECK (purpose <> 'EMAIL_CHANGE' OR new_email IS NOT NULL)
);
CREATE INDEX account_link_account ON account_link (account_id, purpose, created_at);
