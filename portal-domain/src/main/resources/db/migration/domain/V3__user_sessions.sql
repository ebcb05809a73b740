-- The signed-in sessions of each account, so that a person sees where they are signed in and can end a session,
-- and so that a password change ends the other sessions (SPEC §3 "Sécurité", §4 rule 5).
CREATE TABLE user_session (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    account_id     BIGINT       NOT NULL REFERENCES user_account (id),
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    source_address VARCHAR(64),
    user_agent     VARCHAR(255),
    ended_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX user_session_account ON user_session (account_id, ended_at);
