-- A second demo operator who has no second factor yet (issue 20): after the password she is taken to
-- Mon compte › Sécurité to add one, and reaches nothing else (not the back-office) before. Demo password.
INSERT INTO user_account (id, email, email_key, first_name, last_name, last_name_key, first_name_key, phone, language, status, password_hash, operator, created_at, version) VALUES
 (17, 'marion.lemoine@moncompte.example', 'marion.lemoine@moncompte.example', 'Marion', 'Lemoine', 'lemoine', 'marion', NULL, 'fr', 'ACTIVE', 'PBKDF2WithHmacSHA512:210000:HrT92EvoG6L+HmSVvx6sQftwzxyeeCCBU+9ScncUvb0=:twd/2SfB4QiCPZOxxqgJX78jJktehtuCJmx+We1iWzz++7zmQpyrawpytnAnK+MHEX9ZZz3CZHWIRrsAhQoz7Q==', TRUE, TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00:00', 0);
