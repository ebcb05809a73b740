-- Issue 21: a person erased on request keeps a row (the audit log and past grants point to it) without any of their
-- data: names and address replaced, no password, disabled, and this date.
ALTER TABLE user_account ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;
