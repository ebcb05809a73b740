-- Search keys for the lists of "Entreprises" and "Utilisateurs" (10,000 companies, 100,000 users): names lower-cased
-- and without the accents of French, so that "lefevre" finds "Lefèvre" by an index range scan (a prefix LIKE), on
-- H2 and PostgreSQL alike (H2 has no index on an expression). The application keeps them up to date
-- (SearchKey, the same folding as here for the letters of French, and any other accent too). The columns stay
-- nullable for rows written by SQL scripts (the demo data), which fill them as this script does.
ALTER TABLE company ADD COLUMN legal_name_key VARCHAR(200);
UPDATE company SET legal_name_key = TRANSLATE(LOWER(legal_name), 'àâäáãéèêëíìîïóòôöõúùûüçñÿœæ', 'aaaaaeeeeiiiiooooouuuucnyoa');
CREATE INDEX company_legal_name_key ON company (legal_name_key, id);

ALTER TABLE user_account ADD COLUMN last_name_key VARCHAR(100);
ALTER TABLE user_account ADD COLUMN first_name_key VARCHAR(100);
UPDATE user_account SET last_name_key = TRANSLATE(LOWER(last_name), 'àâäáãéèêëíìîïóòôöõúùûüçñÿœæ', 'aaaaaeeeeiiiiooooouuuucnyoa'),
                        first_name_key = TRANSLATE(LOWER(first_name), 'àâäáãéèêëíìîïóòôöõúùûüçñÿœæ', 'aaaaaeeeeiiiiooooouuuucnyoa');
CREATE INDEX user_account_last_name_key ON user_account (last_name_key, first_name_key, id);
CREATE INDEX user_account_first_name_key ON user_account (first_name_key);
