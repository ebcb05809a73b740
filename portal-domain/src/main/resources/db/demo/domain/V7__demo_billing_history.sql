-- Demo data for billing: the firm's address, one account that reads its invoices in English, and subscriptions and
-- access that began a year earlier, so that the quick start's billing runs over the last twelve months find
-- something to invoice for every demo company.

UPDATE accounting_firm SET address_line = '8 place Bellecour', postal_code = '69002', city = 'Lyon' WHERE id = 20;
UPDATE customer_account SET billing_language = 'en' WHERE id = 12;

UPDATE configured_application SET start_date = DATE '2025-01-01' WHERE id IN (50, 51, 53, 57, 58);
UPDATE configured_application SET start_date = DATE '2025-03-01' WHERE id = 52;
UPDATE configured_application SET start_date = DATE '2025-02-01' WHERE id IN (54, 55);
UPDATE configured_application SET start_date = DATE '2025-02-15' WHERE id = 56;
UPDATE configured_application SET start_date = DATE '2025-04-01' WHERE id = 59;

UPDATE access_grant SET granted_at = TIMESTAMP WITH TIME ZONE '2025-01-05 09:00:00+00:00' WHERE id IN (60, 61, 63, 65, 66, 67);
UPDATE access_grant SET granted_at = TIMESTAMP WITH TIME ZONE '2025-02-01 09:00:00+00:00' WHERE id = 62;
UPDATE access_grant SET granted_at = TIMESTAMP WITH TIME ZONE '2025-03-01 09:00:00+00:00' WHERE id = 64;
UPDATE access_grant SET granted_at = TIMESTAMP WITH TIME ZONE '2025-05-04 09:00:00+00:00' WHERE id IN (68, 69);
