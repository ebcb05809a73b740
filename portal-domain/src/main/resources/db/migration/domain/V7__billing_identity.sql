-- What an invoice needs of its buyer (SPEC §5): the language the account reads its invoices in, and the accounting
-- firm's postal address (a firm-billed company's invoices are addressed to the firm).

ALTER TABLE customer_account ADD COLUMN billing_language VARCHAR(2) DEFAULT 'fr' NOT NULL;
ALTER TABLE customer_account ADD CONSTRAINT customer_account_billing_language CHECK (billing_language IN ('fr', 'en'));

ALTER TABLE accounting_firm ADD COLUMN address_line VARCHAR(200);
ALTER TABLE accounting_firm ADD COLUMN postal_code VARCHAR(10);
ALTER TABLE accounting_firm ADD COLUMN city VARCHAR(100);
ALTER TABLE accounting_firm ADD COLUMN country CHAR(2) DEFAULT 'FR' NOT NULL;

-- The billing run reads the subscriptions and grants of a month by company.
CREATE INDEX access_grant_company_application ON access_grant (company_id, application_id);
