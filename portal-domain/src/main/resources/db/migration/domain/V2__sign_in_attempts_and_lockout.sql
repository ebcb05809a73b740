-- Sign-in attempts (successes and failures, for the lockout rule and the "Sécurité" history) and the lock
-- they can put on an account (SPEC §4 rule 6).
CREATE TABLE sign_in_attempt (
    id              BIGINT       NOT NULL PRIMARY KEY,
    account_id      BIGINT REFERENCES user_account (id),
    email_key       VARCHAR(254) NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    succeeded       BOOLEAN      NOT NULL,
    source_address  VARCHAR(64),
    user_agent      VARCHAR(255)
);
CREATE INDEX sign_in_attempt_account ON sign_in_attempt (account_id, occurred_at);

ALTER TABLE user_account ADD COLUMN locked_until TIMESTAMP WITH TIME ZONE;
