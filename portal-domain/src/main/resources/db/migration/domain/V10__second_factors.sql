-- A second factor after the password (issue 20). An authenticator app keeps its secret sealed (AES-GCM, the key in
-- portal.second-factor.key, never in the database) and the last 30-second step a code of it was accepted for, so
-- that no code works twice. One not yet confirmed by a first code has no confirmed_at and signs in nobody.
CREATE TABLE second_factor (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    account_id     BIGINT       NOT NULL REFERENCES user_account (id),
    kind           VARCHAR(10)  NOT NULL,
    name           VARCHAR(100) NOT NULL,
    secret_sealed  VARCHAR(200),
    last_used_step BIGINT       NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at   TIMESTAMP WITH TIME ZONE,
    last_used_at   TIMESTAMP WITH TIME ZONE,
    version        BIGINT       NOT NULL,
    CONSTRAINT second_factor_kind CHECK (kind IN ('TOTP'))
);
CREATE INDEX second_factor_account ON second_factor (account_id, confirmed_at);

-- Ten single-use codes for the day every other factor is lost: only their SHA-256 is kept.
CREATE TABLE recovery_code (
    id         VARCHAR(36) NOT NULL PRIMARY KEY,
    account_id BIGINT      NOT NULL REFERENCES user_account (id),
    code_hash  VARCHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX recovery_code_account ON recovery_code (account_id, used_at);
