-- Domain schema, version 1. Portable SQL: the same script runs on H2 (embedded default) and PostgreSQL.
-- Ids come from one sequence; JPA takes each value as the last of a block of 50 (1050 gives 1001..1050),
-- so ids up to 1000 are left to seed data.

CREATE SEQUENCE domain_seq START WITH 1050 INCREMENT BY 50;

CREATE TABLE user_account (
    id                  BIGINT       NOT NULL PRIMARY KEY,
    email               VARCHAR(254) NOT NULL,
    email_key           VARCHAR(254) NOT NULL,
    first_name          VARCHAR(100) NOT NULL,
    last_name           VARCHAR(100) NOT NULL,
    phone               VARCHAR(16),
    language            VARCHAR(2)   NOT NULL,
    status              VARCHAR(10)  NOT NULL,
    password_hash       VARCHAR(300),
    password_changed_at TIMESTAMP WITH TIME ZONE,
    operator            BOOLEAN      NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT       NOT NULL,
    CONSTRAINT user_account_email_key UNIQUE (email_key),
    CONSTRAINT user_account_language CHECK (language IN ('fr', 'en')),
    CONSTRAINT user_account_status CHECK (status IN ('INVITED', 'ACTIVE', 'LOCKED', 'DISABLED'))
);

CREATE TABLE customer_account (
    id         BIGINT       NOT NULL PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    kind       VARCHAR(6)   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version    BIGINT       NOT NULL,
    CONSTRAINT customer_account_kind CHECK (kind IN ('CLIENT', 'FIRM'))
);

CREATE TABLE customer_account_admin (
    customer_account_id BIGINT NOT NULL REFERENCES customer_account (id),
    user_account_id     BIGINT NOT NULL REFERENCES user_account (id),
    PRIMARY KEY (customer_account_id, user_account_id)
);
CREATE INDEX customer_account_admin_user ON customer_account_admin (user_account_id);

CREATE TABLE accounting_firm (
    id                  BIGINT       NOT NULL PRIMARY KEY,
    customer_account_id BIGINT       NOT NULL REFERENCES customer_account (id),
    name                VARCHAR(200) NOT NULL,
    siren               CHAR(9)      NOT NULL,
    vat_number          VARCHAR(20),
    contact_email       VARCHAR(254),
    version             BIGINT       NOT NULL,
    CONSTRAINT accounting_firm_account UNIQUE (customer_account_id)
);

CREATE TABLE company (
    id                  BIGINT       NOT NULL PRIMARY KEY,
    customer_account_id BIGINT       NOT NULL REFERENCES customer_account (id),
    legal_name          VARCHAR(200) NOT NULL,
    legal_form          VARCHAR(20)  NOT NULL,
    siren               CHAR(9)      NOT NULL,
    siret               CHAR(14),
    vat_number          VARCHAR(20),
    address_line        VARCHAR(200),
    postal_code         VARCHAR(10),
    city                VARCHAR(100),
    country             CHAR(2)      NOT NULL,
    contact_email       VARCHAR(254),
    contact_phone       VARCHAR(16),
    billing_mode        VARCHAR(6)   NOT NULL,
    accounting_firm_id  BIGINT REFERENCES accounting_firm (id),
    version             BIGINT       NOT NULL,
    CONSTRAINT company_siren UNIQUE (siren),
    CONSTRAINT company_billing_mode CHECK (billing_mode IN ('DIRECT', 'FIRM')),
    CONSTRAINT company_firm_billed_has_firm CHECK (billing_mode = 'DIRECT' OR accounting_firm_id IS NOT NULL)
);
CREATE INDEX company_customer_account ON company (customer_account_id);
CREATE INDEX company_accounting_firm ON company (accounting_firm_id);
CREATE INDEX company_legal_name ON company (legal_name);

CREATE TABLE company_membership (
    company_id      BIGINT NOT NULL REFERENCES company (id),
    user_account_id BIGINT NOT NULL REFERENCES user_account (id),
    PRIMARY KEY (company_id, user_account_id)
);
CREATE INDEX company_membership_user ON company_membership (user_account_id);

CREATE TABLE application (
    id                    BIGINT        NOT NULL PRIMARY KEY,
    code                  VARCHAR(10)   NOT NULL,
    name_fr               VARCHAR(100)  NOT NULL,
    name_en               VARCHAR(100)  NOT NULL,
    monthly_company_price NUMERIC(10, 2) NOT NULL,
    monthly_seat_price    NUMERIC(10, 2) NOT NULL,
    active                BOOLEAN       NOT NULL,
    version               BIGINT        NOT NULL,
    CONSTRAINT application_code UNIQUE (code),
    CONSTRAINT application_prices CHECK (monthly_company_price >= 0 AND monthly_seat_price >= 0)
);

CREATE TABLE configured_application (
    id             BIGINT NOT NULL PRIMARY KEY,
    company_id     BIGINT NOT NULL REFERENCES company (id),
    application_id BIGINT NOT NULL REFERENCES application (id),
    start_date     DATE   NOT NULL,
    end_date       DATE,
    CONSTRAINT configured_application_period CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX configured_application_company ON configured_application (company_id);

CREATE TABLE access_grant (
    id              BIGINT NOT NULL PRIMARY KEY,
    user_account_id BIGINT NOT NULL REFERENCES user_account (id),
    company_id      BIGINT NOT NULL REFERENCES company (id),
    application_id  BIGINT NOT NULL REFERENCES application (id),
    granted_by      BIGINT REFERENCES user_account (id),
    granted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_by      BIGINT REFERENCES user_account (id),
    revoked_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX access_grant_user ON access_grant (user_account_id);
CREATE INDEX access_grant_company ON access_grant (company_id);

CREATE TABLE audit_event (
    id             BIGINT        NOT NULL PRIMARY KEY,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id       BIGINT,
    action         VARCHAR(60)   NOT NULL,
    target_type    VARCHAR(40)   NOT NULL,
    target_id      VARCHAR(40),
    before_state   VARCHAR(4000),
    after_state    VARCHAR(4000),
    source_address VARCHAR(64)
);
CREATE INDEX audit_event_target ON audit_event (target_type, target_id);
CREATE INDEX audit_event_occurred ON audit_event (occurred_at);
