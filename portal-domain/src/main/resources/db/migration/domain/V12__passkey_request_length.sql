-- The creation options kept while a passkey is being added list the person's other passkeys (so that one
-- authenticator does not make two): 4000 characters could be too few for a person with many (found by review).
ALTER TABLE second_factor ALTER COLUMN pending_request SET DATA TYPE VARCHAR(100000);
