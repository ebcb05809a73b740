-- Billing schema, version 1 (SPEC §5). Portable SQL: the same script runs on H2 and PostgreSQL. Billing keeps the
-- ids of companies and customer accounts, never a foreign key into the domain's tables: modules own their tables.

-- Ids of invoices and payments: the run takes a block of 50 per call, as JPA does.
CREATE SEQUENCE billing_seq START WITH 1050 INCREMENT BY 50;

-- One gap-free sequence per kind and year: the issuing transaction locks its row, so a rollback returns the numbers.
CREATE TABLE invoice_counter (
    kind        VARCHAR(11) NOT NULL,
    fiscal_year INTEGER     NOT NULL,
    last_value  BIGINT      NOT NULL,
    PRIMARY KEY (kind, fiscal_year),
    CONSTRAINT invoice_counter_kind CHECK (kind IN ('INVOICE', 'CREDIT_NOTE'))
);

-- An invoice or a credit note as issued: seller, buyer and lines are copied in, so that a later change of a company,
-- a price or the vendor's address never changes a document already sent. Only the state columns change.
CREATE TABLE invoice (
    id                     BIGINT         NOT NULL PRIMARY KEY,
    invoice_number         VARCHAR(16)    NOT NULL,
    kind                   VARCHAR(11)    NOT NULL,
    monthly_key            VARCHAR(40),
    company_id             BIGINT         NOT NULL,
    company_name           VARCHAR(200)   NOT NULL,
    company_siren          CHAR(9)        NOT NULL,
    billing_account_id     BIGINT         NOT NULL,
    billed_month           DATE           NOT NULL,
    period_start           DATE           NOT NULL,
    period_end             DATE           NOT NULL,
    issue_date             DATE           NOT NULL,
    due_date               DATE           NOT NULL,
    language               VARCHAR(2)     NOT NULL,
    currency               CHAR(3)        NOT NULL,
    seller_name            VARCHAR(200)   NOT NULL,
    seller_siren           CHAR(9)        NOT NULL,
    seller_vat_number      VARCHAR(20)    NOT NULL,
    seller_address_line    VARCHAR(200)   NOT NULL,
    seller_postal_code     VARCHAR(10)    NOT NULL,
    seller_city            VARCHAR(100)   NOT NULL,
    seller_country         CHAR(2)        NOT NULL,
    seller_legal_mentions  VARCHAR(300)   NOT NULL,
    buyer_name             VARCHAR(200)   NOT NULL,
    buyer_siren            CHAR(9)        NOT NULL,
    buyer_vat_number       VARCHAR(20),
    buyer_address_line     VARCHAR(200),
    buyer_postal_code      VARCHAR(10),
    buyer_city             VARCHAR(100),
    buyer_country          CHAR(2)        NOT NULL,
    total_excluding_vat    NUMERIC(14, 2) NOT NULL,
    vat_rate               NUMERIC(5, 4)  NOT NULL,
    vat_amount             NUMERIC(14, 2) NOT NULL,
    total_including_vat    NUMERIC(14, 2) NOT NULL,
    credited_invoice_id    BIGINT REFERENCES invoice (id),
    credit_reason          VARCHAR(500),
    issued_by              BIGINT,
    issued_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    state                  VARCHAR(8)     NOT NULL,
    payment_state          VARCHAR(8)     NOT NULL,
    credited_excluding_vat NUMERIC(14, 2) NOT NULL,
    version                BIGINT         NOT NULL,
    CONSTRAINT invoice_number UNIQUE (invoice_number),
    -- A company's invoice for a month, once: a second run, or two runs at once, cannot issue it twice.
    CONSTRAINT invoice_monthly_key UNIQUE (monthly_key),
    CONSTRAINT invoice_kind CHECK (kind IN ('INVOICE', 'CREDIT_NOTE')),
    CONSTRAINT invoice_state CHECK (state IN ('ISSUED', 'CREDITED')),
    CONSTRAINT invoice_payment_state CHECK (payment_state IN ('PENDING', 'PAID', 'OVERDUE', 'FAILED', 'REFUNDED')),
    CONSTRAINT invoice_language CHECK (language IN ('fr', 'en')),
    CONSTRAINT invoice_credit_note CHECK ((kind = 'CREDIT_NOTE') = (credited_invoice_id IS NOT NULL)),
    CONSTRAINT invoice_amounts CHECK (total_excluding_vat >= 0 AND credited_excluding_vat >= 0
        AND credited_excluding_vat <= total_excluding_vat)
);
CREATE INDEX invoice_account_issued ON invoice (billing_account_id, issue_date);
CREATE INDEX invoice_company_issued ON invoice (company_id, issue_date);
CREATE INDEX invoice_payment_due ON invoice (payment_state, due_date);
CREATE INDEX invoice_credited ON invoice (credited_invoice_id);
CREATE INDEX invoice_month_company ON invoice (billed_month, company_id);

CREATE TABLE invoice_line (
    invoice_id       BIGINT         NOT NULL REFERENCES invoice (id),
    line_number      INTEGER        NOT NULL,
    kind             VARCHAR(12)    NOT NULL,
    application_code VARCHAR(10),
    label            VARCHAR(300)   NOT NULL,
    period_start     DATE           NOT NULL,
    period_end       DATE           NOT NULL,
    quantity         NUMERIC(12, 2) NOT NULL,
    unit_price       NUMERIC(12, 2) NOT NULL,
    amount           NUMERIC(14, 2) NOT NULL,
    PRIMARY KEY (invoice_id, line_number),
    CONSTRAINT invoice_line_kind CHECK (kind IN ('SUBSCRIPTION', 'SEATS', 'CREDIT'))
);

-- What happened to an invoice's payment, in order; an idempotency key makes a retried callback record nothing new.
CREATE TABLE payment_event (
    id              BIGINT         NOT NULL PRIMARY KEY,
    invoice_id      BIGINT         NOT NULL REFERENCES invoice (id),
    kind            VARCHAR(8)     NOT NULL,
    amount          NUMERIC(14, 2),
    occurred_on     DATE           NOT NULL,
    reference       VARCHAR(200),
    idempotency_key VARCHAR(100),
    recorded_by     BIGINT,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT payment_event_kind CHECK (kind IN ('PAYMENT', 'FAILURE', 'REFUND', 'OVERDUE')),
    CONSTRAINT payment_event_idempotency UNIQUE (idempotency_key)
);
CREATE INDEX payment_event_invoice ON payment_event (invoice_id);

-- A month's run: its progress for the operator's bar, and who holds it. The lease (holder, expires_at) lets one node
-- at a time run a month, and another take over when the holder stops sending signs of life.
CREATE TABLE billing_run (
    billed_month     DATE         NOT NULL PRIMARY KEY,
    state            VARCHAR(8)   NOT NULL,
    companies_total  BIGINT       NOT NULL,
    companies_done   BIGINT       NOT NULL,
    invoices_issued  BIGINT       NOT NULL,
    started_by       BIGINT,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at      TIMESTAMP WITH TIME ZONE,
    failure          VARCHAR(500),
    CONSTRAINT billing_run_state CHECK (state IN ('RUNNING', 'FINISHED', 'FAILED'))
);

CREATE TABLE billing_lease (
    name       VARCHAR(20)  NOT NULL PRIMARY KEY,
    holder     VARCHAR(100),
    expires_at TIMESTAMP WITH TIME ZONE
);
INSERT INTO billing_lease (name, holder, expires_at) VALUES ('run', NULL, NULL);
