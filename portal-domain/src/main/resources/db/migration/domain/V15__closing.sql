-- Issue 21: a customer account is closed at a last day. Its invoices are kept for the legal period (ten years,
-- Code de commerce L123-22); the personal data of its people is erased when anonymise_after has passed, and
-- anonymised_at says it was done.
ALTER TABLE customer_account ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE customer_account ADD COLUMN last_day DATE;
ALTER TABLE customer_account ADD COLUMN anonymise_after DATE;
ALTER TABLE customer_account ADD COLUMN anonymised_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX customer_account_anonymise ON customer_account (anonymise_after);
-- The day after the last day, its people who belong to no other account are disabled; this says it was done.
ALTER TABLE customer_account ADD COLUMN people_disabled_at TIMESTAMP WITH TIME ZONE;
