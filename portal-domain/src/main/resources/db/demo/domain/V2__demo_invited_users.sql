-- Two people invited but not yet signed up (no password): an administrator sends them their invitation again from
-- "Utilisateurs", and the link in the mail lets them choose a password.
INSERT INTO user_account (id, email, email_key, first_name, last_name, phone, language, status, password_hash, operator, created_at, version) VALUES
 (7, 'hugo.moreau@boulangerie-martin.example', 'hugo.moreau@boulangerie-martin.example', 'Hugo', 'Moreau', NULL, 'fr', 'INVITED', NULL, FALSE, TIMESTAMP WITH TIME ZONE '2026-11-02 09:00:00+00:00', 0),
 (8, 'sarah.blake@garage-petit.example', 'sarah.blake@garage-petit.example', 'Sarah', 'Blake', NULL, 'en', 'INVITED', NULL, FALSE, TIMESTAMP WITH TIME ZONE '2026-11-02 09:00:00+00:00', 0);

INSERT INTO company_membership (company_id, user_account_id) VALUES (30, 7), (32, 8);
