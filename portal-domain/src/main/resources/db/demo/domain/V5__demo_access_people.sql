-- Three more people (password Portail-Demo-2026). Inès works for Boulangerie Martin (DIRECT: Claire changes her
-- access); Victor for Martin Traiteur, billed through Cabinet Durand (FIRM: Claire only reads his access, the firm's
-- Marc changes it); Omar is a second administrator of Garage Petit, the other client, whom the isolation tests sign
-- in as (Luc's password is changed by the sign-in tests). The automated tests use them, so that no other demo
-- account changes under them. Search keys are filled here, as the schema's V5 does for older rows.
INSERT INTO user_account (id, email, email_key, first_name, last_name, last_name_key, first_name_key, phone, language, status, password_hash, operator, created_at, version) VALUES
 (13, 'ines.roux@boulangerie-martin.example', 'ines.roux@boulangerie-martin.example', 'Inès', 'Roux', 'roux', 'ines', NULL, 'fr', 'ACTIVE', 'PBKDF2WithHmacSHA512:210000:ieu3s/Kh6HpejbTNUVyYwhMCMh4P97D/YJF1VJmfWLQ=:7oiasLYaup2s6Rxt5x/E4YYe5QdTiEshqr/nTcvFvTwi52PRQvgAoF8EufTYICz8uyzLLIffHB1wXNiHaDMDmA==', FALSE, TIMESTAMP WITH TIME ZONE '2026-05-04 09:00:00+00:00', 0),
 (14, 'victor.lambert@martin-traiteur.example', 'victor.lambert@martin-traiteur.example', 'Victor', 'Lambert', 'lambert', 'victor', NULL, 'en', 'ACTIVE', 'PBKDF2WithHmacSHA512:210000:ieu3s/Kh6HpejbTNUVyYwhMCMh4P97D/YJF1VJmfWLQ=:7oiasLYaup2s6Rxt5x/E4YYe5QdTiEshqr/nTcvFvTwi52PRQvgAoF8EufTYICz8uyzLLIffHB1wXNiHaDMDmA==', FALSE, TIMESTAMP WITH TIME ZONE '2026-05-04 09:00:00+00:00', 0),
 (15, 'omar.haddad@garage-petit.example', 'omar.haddad@garage-petit.example', 'Omar', 'Haddad', 'haddad', 'omar', '+33299000015', 'fr', 'ACTIVE', 'PBKDF2WithHmacSHA512:210000:ieu3s/Kh6HpejbTNUVyYwhMCMh4P97D/YJF1VJmfWLQ=:7oiasLYaup2s6Rxt5x/E4YYe5QdTiEshqr/nTcvFvTwi52PRQvgAoF8EufTYICz8uyzLLIffHB1wXNiHaDMDmA==', FALSE, TIMESTAMP WITH TIME ZONE '2026-05-04 09:00:00+00:00', 0);

INSERT INTO company_membership (company_id, user_account_id) VALUES (30, 13), (31, 14), (32, 15);

INSERT INTO customer_account_admin (customer_account_id, user_account_id) VALUES (12, 15);

INSERT INTO access_grant (id, user_account_id, company_id, application_id, granted_by, granted_at) VALUES
 (68, 13, 30, 40, 3, TIMESTAMP WITH TIME ZONE '2026-05-04 09:00:00+00:00'),
 (69, 14, 31, 40, 2, TIMESTAMP WITH TIME ZONE '2026-05-04 09:00:00+00:00');
