-- Issue 21: customers are created in the back-office, a company's billing mode moves from a chosen month, and
-- catalogue prices have a history.
--
-- The address invoices are mailed to, as the operator typed it when the customer was created.
ALTER TABLE customer_account ADD COLUMN billing_email VARCHAR(254);

-- Who a company is billed through, from a month on (effective_from is always the first day of a month). A company
-- with no row has always been billed as its billing_mode and accounting_firm_id say; the first move writes that as
-- its row from 2000-01-01, then the move. company.billing_mode and accounting_firm_id hold the arrangement in force
-- today: the portal switches them when a month that a move named begins.
CREATE TABLE billing_arrangement (
    id                 BIGINT     NOT NULL PRIMARY KEY,
    company_id         BIGINT     NOT NULL REFERENCES company (id),
    effective_from     DATE       NOT NULL,
    billing_mode       VARCHAR(6) NOT NULL,
    accounting_firm_id BIGINT REFERENCES accounting_firm (id),
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by        BIGINT,
    CONSTRAINT billing_arrangement_month UNIQUE (company_id, effective_from),
    CONSTRAINT billing_arrangement_mode CHECK (billing_mode IN ('DIRECT', 'FIRM')),
    -- A company billed DIRECT may still name its accounting firm (the firm keeps its books, the client pays).
    CONSTRAINT billing_arrangement_firm CHECK (billing_mode = 'DIRECT' OR accounting_firm_id IS NOT NULL)
);
CREATE INDEX billing_arrangement_firm ON billing_arrangement (accounting_firm_id);

-- Catalogue prices from a month on, the same way: an application with no row has always cost what its columns say;
-- the first change writes that from 2000-01-01, then the new prices. The columns hold the prices in force today.
CREATE TABLE application_price (
    id                    BIGINT         NOT NULL PRIMARY KEY,
    application_id        BIGINT         NOT NULL REFERENCES application (id),
    effective_from        DATE           NOT NULL,
    monthly_company_price NUMERIC(10, 2) NOT NULL,
    monthly_seat_price    NUMERIC(10, 2) NOT NULL,
    recorded_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by           BIGINT,
    CONSTRAINT application_price_month UNIQUE (application_id, effective_from),
    CONSTRAINT application_price_amounts CHECK (monthly_company_price >= 0 AND monthly_seat_price >= 0)
);

-- Operators find accounts and firms by name (any part of it) and by SIREN; two firms never share one.
CREATE INDEX customer_account_name ON customer_account (name);
CREATE UNIQUE INDEX accounting_firm_siren ON accounting_firm (siren);
