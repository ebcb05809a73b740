-- Passkeys (WebAuthn) beside authenticator apps (issue 20). A passkey keeps its credential id (base64url, unique:
-- one authenticator's key signs in one person), its public key (COSE, base64url) and the signature counter the
-- authenticator last reported. While it is being added, pending_request holds the challenge the portal sent (the
-- library's JSON of the creation options); it is cleared once the authenticator's answer is checked.
ALTER TABLE second_factor DROP CONSTRAINT second_factor_kind;
ALTER TABLE second_factor ADD CONSTRAINT second_factor_kind CHECK (kind IN ('TOTP', 'PASSKEY'));
ALTER TABLE second_factor ADD COLUMN credential_id VARCHAR(1400);
ALTER TABLE second_factor ADD COLUMN public_key_cose VARCHAR(2000);
ALTER TABLE second_factor ADD COLUMN signature_count BIGINT;
ALTER TABLE second_factor ADD COLUMN transports VARCHAR(200);
ALTER TABLE second_factor ADD COLUMN pending_request VARCHAR(4000);
CREATE UNIQUE INDEX second_factor_credential ON second_factor (credential_id);

-- The WebAuthn user handle of a person (random, no personal data in it): the same for each of their passkeys, so
-- that a passkey used alone says whose it is.
CREATE TABLE passkey_user (
    account_id BIGINT      NOT NULL PRIMARY KEY REFERENCES user_account (id),
    handle     VARCHAR(100) NOT NULL UNIQUE
);

-- A customer account's administrators may require a second factor of every person of the account.
ALTER TABLE customer_account ADD COLUMN second_factor_required BOOLEAN DEFAULT FALSE NOT NULL;
