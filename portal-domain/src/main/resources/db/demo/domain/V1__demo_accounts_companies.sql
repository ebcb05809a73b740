-- Demo data of the quick start (only where portal.demo-data=true; never by default in production).
-- Every account's password is Portail-Demo-2026 (PBKDF2-HMAC-SHA512, 210,000 iterations, its own salt).

INSERT INTO user_account (id, email, email_key, first_name, last_name, phone, language, status, password_hash, operator, created_at, version) VALUES
 (1, 'ops@moncompte.example', 'ops@moncompte.example', 'Olivia', 'Perrin', '+33180000001', 'fr', 'ACTIVE', 'PBKDF2WithHmacSHA512:210000:HrT92EvoG6L+HmSVvx6sQftwzxyeeCCBU+9ScncUvb0=:twd/2SfB4QiCPZOxxqgJX78jJktehtuCJmx+We1iWzz++7zmQpyrawpytnAnK+MHEX9ZZz3CZHWIRrsAhQoz7Q==', TRUE, TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00:00', 0),
 (2, 'comptable@cabinet-durand.example', 'comptable@cabinet-durand.example', 'Marc', 'Durand', '+33140000002', 'fr', 'ACTIVE', 'PBKDF2WithHmacSHA512:210000:vVwYoBBQXVmnxqZiSec4Ke+4U3wwYGcimXU+i+qwTvU=:JACmplJtFfPWVyhfZRbu5RAyxCArL0mMkre0gemcBkPBYsoZ7LmlrY2t/pHNbo6zSHUMN/UUaCsgpKuHQgWeVg==', FALSE, TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00:00', 0),
 (3, 'claire.martin@boulangerie-martin.example', 'claire.martin@boulangerie-martin.example', 'Claire', 'Martin', '+33612345678', 'fr', 'ACTIVE', 'PBKDF2WithHmacSHA512:210000:7k7/wy823KskbQbGpAbt8tEpvbbs0V92ojxyjBWG4DI=:To6gmpXfhThOj+7jQFKNOIuT3UF3WdYY2zMihfi7ZJDzgk0N1UxTCWWbPPzct3JPYh5uNAFZAxG5mKRKDsi7iA==', FALSE, TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00:00', 0),
 (4, 'paul.lefevre@boulangerie-martin.example', 'paul.lefevre@boulangerie-martin.example', 'Paul', 'Lefèvre', '+33698765432', 'fr', 'ACTIVE', 'PBKDF2WithHmacSHA512:210000:EGqDe6LQFKtMWozVL2YtIm9paSiKLBdQPkjeYZzhH0E=:+r2mRztTxoCpw/ghQj03krdCiOe7dJlyxJySm2difyZ4fm/f7kNBIKoeqWAzd6VSZlInj7ZMzhikkK4TxKCI7A==', FALSE, TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00:00', 0),
 (5, 'luc.petit@garage-petit.example', 'luc.petit@garage-petit.example', 'Luc', 'Petit', '+33555010203', 'en', 'ACTIVE', 'PBKDF2WithHmacSHA512:210000:bzaKD5Eh/1EjyGvXUiBKNrjF0kbqY9VQ37oJvALzmXs=:UdToF8WhYTdgTe6LtZXSMGHFolavEDe0F0h2/1ecOWLKIKf+Rc/luCkqbaali+5woE8nr35SG9YWZwpcYqzPwg==', FALSE, TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00:00', 0),
 (6, 'emma.roux@garage-petit.example', 'emma.roux@garage-petit.example', 'Emma', 'Roux', '+33555010204', 'fr', 'ACTIVE', 'PBKDF2WithHmacSHA512:210000:L3WwzzkZ5gLQxXBNXh8eeo2oiI+UtsgmrEZS5uEyJuc=:2OIrt8oGQO5oIGacS+8x5mup2dnx+fykQZMFOkQ6wuHRpVAKhmjf+g4DalVSnEwqDizDgAkSiZDPH0HW+eBF7Q==', FALSE, TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00:00', 0);

INSERT INTO customer_account (id, name, kind, created_at, version) VALUES
 (10, 'Cabinet Durand & Associés', 'FIRM', TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00:00', 0),
 (11, 'Boulangerie Martin', 'CLIENT', TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00:00', 0),
 (12, 'Garage Petit', 'CLIENT', TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00:00', 0);

INSERT INTO customer_account_admin (customer_account_id, user_account_id) VALUES (10, 2), (11, 3), (12, 5);

INSERT INTO accounting_firm (id, customer_account_id, name, siren, vat_number, contact_email, version) VALUES
 (20, 10, 'Cabinet Durand & Associés', '552100554', 'FR19552100554', 'contact@cabinet-durand.example', 0);

INSERT INTO company (id, customer_account_id, legal_name, legal_form, siren, siret, vat_number, address_line, postal_code, city, country, contact_email, contact_phone, billing_mode, accounting_firm_id, version) VALUES
 (30, 11, 'Boulangerie Martin SARL', 'SARL', '732829320', '73282932000074', 'FR44732829320', '12 rue des Fours', '69002', 'Lyon', 'FR', 'contact@boulangerie-martin.example', '+33478000001', 'DIRECT', 20, 0),
 (31, 11, 'Martin Traiteur SAS', 'SAS', '443061841', '44306184100047', 'FR83443061841', '14 rue des Fours', '69002', 'Lyon', 'FR', 'traiteur@boulangerie-martin.example', '+33478000002', 'FIRM', 20, 0),
 (32, 12, 'Garage Petit EURL', 'EURL', '542065479', '54206547900027', 'FR40542065479', '3 avenue de la Gare', '35000', 'Rennes', 'FR', 'atelier@garage-petit.example', '+33299000003', 'DIRECT', NULL, 0);

INSERT INTO company_membership (company_id, user_account_id) VALUES (30, 3), (31, 3), (30, 4), (32, 5), (32, 6);

INSERT INTO application (id, code, name_fr, name_en, monthly_company_price, monthly_seat_price, active, version) VALUES
 (40, 'COMPTA', 'Comptabilité', 'Accounting', 29.00, 5.00, TRUE, 0),
 (41, 'FACTU', 'Facturation', 'Invoicing', 15.00, 3.00, TRUE, 0),
 (42, 'BANQUE', 'Banque', 'Banking', 9.00, 2.00, TRUE, 0),
 (43, 'NDF', 'Notes de frais', 'Expense reports', 7.00, 2.50, TRUE, 0),
 (44, 'CAISSE', 'Caisse', 'Point of sale', 19.00, 4.00, TRUE, 0),
 (45, 'GED', 'Documents', 'Documents', 6.00, 1.00, TRUE, 0);

INSERT INTO configured_application (id, company_id, application_id, start_date, end_date) VALUES
 (50, 30, 40, DATE '2026-01-01', NULL),
 (51, 30, 41, DATE '2026-01-01', NULL),
 (52, 30, 43, DATE '2026-03-01', NULL),
 (53, 30, 44, DATE '2026-01-01', NULL),
 (54, 31, 40, DATE '2026-02-01', NULL),
 (55, 31, 41, DATE '2026-02-01', NULL),
 (56, 31, 45, DATE '2026-02-15', NULL),
 (57, 32, 40, DATE '2026-01-01', NULL),
 (58, 32, 42, DATE '2026-01-01', NULL),
 (59, 32, 41, DATE '2026-04-01', NULL);

INSERT INTO access_grant (id, user_account_id, company_id, application_id, granted_by, granted_at) VALUES
 (60, 3, 30, 40, 3, TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00:00'),
 (61, 3, 30, 41, 3, TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00:00'),
 (62, 3, 31, 40, 2, TIMESTAMP WITH TIME ZONE '2026-02-01 09:00:00+00:00'),
 (63, 4, 30, 40, 3, TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00:00'),
 (64, 4, 30, 43, 3, TIMESTAMP WITH TIME ZONE '2026-03-01 09:00:00+00:00'),
 (65, 5, 32, 40, 5, TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00:00'),
 (66, 5, 32, 42, 5, TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00:00'),
 (67, 6, 32, 40, 5, TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00:00');
