-- Issue 22: the portal as the OpenID Connect provider of the vendor's applications.

-- One client per catalogue application. The secret is kept as its SHA-256 (it is 256 random bits, shown once);
-- the redirect and post-logout addresses are exact, one per line.
CREATE TABLE oidc_client (
    id                         BIGINT        NOT NULL PRIMARY KEY,
    client_id                  VARCHAR(64)   NOT NULL,
    application_id             BIGINT        NOT NULL REFERENCES application (id),
    secret_hash                VARCHAR(64),
    secret_set_at              TIMESTAMP WITH TIME ZONE,
    auth_method                VARCHAR(32)   NOT NULL,
    jwks                       VARCHAR(8000),
    redirect_uris              VARCHAR(4000) NOT NULL,
    post_logout_redirect_uris  VARCHAR(4000),
    backchannel_logout_uri     VARCHAR(500),
    initiate_login_uri         VARCHAR(500),
    created_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    version                    BIGINT        NOT NULL,
    CONSTRAINT oidc_client_client_id UNIQUE (client_id),
    CONSTRAINT oidc_client_application UNIQUE (application_id)
);

-- A person signed in to one application for one company from one portal session: what the ID token's sid names,
-- what back-channel logout ends, what refresh tokens hang on.
CREATE TABLE oidc_login (
    id              BIGINT       NOT NULL PRIMARY KEY,
    client_id       BIGINT       NOT NULL REFERENCES oidc_client (id),
    account_id      BIGINT       NOT NULL REFERENCES user_account (id),
    company_id      BIGINT       NOT NULL REFERENCES company (id),
    session_id      VARCHAR(36)  NOT NULL,
    sid             VARCHAR(64)  NOT NULL,
    auth_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at        TIMESTAMP WITH TIME ZONE,
    end_reason      VARCHAR(32),
    logout_sent_at  TIMESTAMP WITH TIME ZONE,
    logout_tried_at TIMESTAMP WITH TIME ZONE,
    logout_attempts INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX oidc_login_open ON oidc_login (ended_at, session_id);
CREATE INDEX oidc_login_account ON oidc_login (account_id);

-- Authorization codes, kept as their SHA-256: five minutes, once.
CREATE TABLE oidc_code (
    code_hash      VARCHAR(64)   NOT NULL PRIMARY KEY,
    login_id       BIGINT        NOT NULL REFERENCES oidc_login (id),
    redirect_uri   VARCHAR(2000) NOT NULL,
    code_challenge VARCHAR(128)  NOT NULL,
    nonce          VARCHAR(500),
    scope          VARCHAR(500)  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX oidc_code_login ON oidc_code (login_id);

-- Refresh tokens, kept as their SHA-256: each works once and is replaced by the next.
CREATE TABLE oidc_refresh_token (
    token_hash VARCHAR(64)  NOT NULL PRIMARY KEY,
    login_id   BIGINT       NOT NULL REFERENCES oidc_login (id),
    scope      VARCHAR(500) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX oidc_refresh_token_login ON oidc_refresh_token (login_id);

-- The ids of the signed assertions clients authenticated with (private_key_jwt): each is accepted once.
CREATE TABLE oidc_used_assertion (
    client_id  BIGINT       NOT NULL REFERENCES oidc_client (id),
    jti        VARCHAR(200) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (client_id, jti)
);

-- A portal session that lapsed (idle, 12 hours, the server's HTTP session gone) is told apart from one ended on
-- purpose (sign-out, "Sécurité", a password change): only the latter signs the person out of the applications.
ALTER TABLE user_session ADD COLUMN lapsed BOOLEAN NOT NULL DEFAULT FALSE;
