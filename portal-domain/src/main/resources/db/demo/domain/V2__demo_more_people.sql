-- More people in the demo companies (password Portail-Demo-2026 where they have one):
-- three invited but not yet signed up (no password), whom an administrator sends their invitation again from
-- "Utilisateurs" (Léa works for Martin Traiteur, billed through Cabinet Durand: the firm's administrators act for
-- her, not Claire); and three colleagues who try "Mot de passe oublié ?", the e-mail change and the idle sign-out
-- (the automated tests use them for these flows, so that no other demo sign-in changes under them).
INSERT INTO user_account (id, email, email_key, first_name, last_name, phone, language, status, password_hash, operator, created_at, version) VALUES
 (7, 'hugo.moreau@boulangerie-martin.example', 'hugo.moreau@boulangerie-martin.example', 'Hugo', 'Moreau', NULL, 'fr', 'INVITED', NULL, FALSE, TIMESTAMP WITH TIME ZONE '2026-11-02 09:00:00+00:00', 0),
 (8, 'sarah.blake@boulangerie-martin.example', 'sarah.blake@boulangerie-martin.example', 'Sarah', 'Blake', NULL, 'en', 'INVITED', NULL, FALSE, TIMESTAMP WITH TIME ZONE '2026-11-02 09:00:00+00:00', 0),
 (9, 'julie.garnier@garage-petit.example', 'julie.garnier@garage-petit.example', 'Julie', 'Garnier', '+33555010205', 'fr', 'ACTIVE', 'PBKDF2WithHmacSHA512:210000:ieu3s/Kh6HpejbTNUVyYwhMCMh4P97D/YJF1VJmfWLQ=:7oiasLYaup2s6Rxt5x/E4YYe5QdTiEshqr/nTcvFvTwi52PRQvgAoF8EufTYICz8uyzLLIffHB1wXNiHaDMDmA==', FALSE, TIMESTAMP WITH TIME ZONE '2026-03-02 09:00:00+00:00', 0),
 (10, 'thomas.girard@boulangerie-martin.example', 'thomas.girard@boulangerie-martin.example', 'Thomas', 'Girard', NULL, 'en', 'ACTIVE', 'PBKDF2WithHmacSHA512:210000:sQFaB3LN9ahUiWCttJ+y5Dn091UM1Qzpdr9cqMq0584=:1BQiYGiO3IwNOmrBrJf73JGdPp8H1/WMiJenpnb3+kVXff3wF0+yq7xFq0oWHx+OLhpGoYWXIn86QrN5aUMamQ==', FALSE, TIMESTAMP WITH TIME ZONE '2026-04-06 09:00:00+00:00', 0),
 (11, 'nina.faure@cabinet-durand.example', 'nina.faure@cabinet-durand.example', 'Nina', 'Faure', '+33140000011', 'fr', 'ACTIVE', 'PBKDF2WithHmacSHA512:210000:2FWYvf8J6iWbiaIHiNZnBsIrSWXo6IKjO0tQ/HhFS/8=:GgxtJvMCxcCa/QDEPEIzQv0QoTNrs5gaSCM8B9BNCKDP6HORW7Y4pYHzXr0HjQfqXu5DjouXyUWqz47F1uUWAA==', FALSE, TIMESTAMP WITH TIME ZONE '2026-02-01 09:00:00+00:00', 0),
 (12, 'lea.bernard@martin-traiteur.example', 'lea.bernard@martin-traiteur.example', 'Léa', 'Bernard', NULL, 'fr', 'INVITED', NULL, FALSE, TIMESTAMP WITH TIME ZONE '2026-11-02 09:00:00+00:00', 0);

INSERT INTO company_membership (company_id, user_account_id) VALUES (30, 7), (30, 8), (32, 9), (30, 10), (31, 11), (31, 12);
