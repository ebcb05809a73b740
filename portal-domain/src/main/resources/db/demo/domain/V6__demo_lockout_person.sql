-- One more user of Garage Petit (password Portail-Demo-2026), whom the lockout test locks with wrong passwords: the
-- operator's account, which the administration tests sign in with, must never be the one locked.
INSERT INTO user_account (id, email, email_key, first_name, last_name, last_name_key, first_name_key, phone, language, status, password_hash, operator, created_at, version) VALUES
 (16, 'bruno.lacroix@garage-petit.example', 'bruno.lacroix@garage-petit.example', 'Bruno', 'Lacroix', 'lacroix', 'bruno', NULL, 'fr', 'ACTIVE', 'PBKDF2WithHmacSHA512:210000:ieu3s/Kh6HpejbTNUVyYwhMCMh4P97D/YJF1VJmfWLQ=:7oiasLYaup2s6Rxt5x/E4YYe5QdTiEshqr/nTcvFvTwi52PRQvgAoF8EufTYICz8uyzLLIffHB1wXNiHaDMDmA==', FALSE, TIMESTAMP WITH TIME ZONE '2026-06-01 09:00:00+00:00', 0);

INSERT INTO company_membership (company_id, user_account_id) VALUES (32, 16);
