-- The demo rows are inserted after the schema's search keys exist (V5 of the schema): fill them as V5 does.
UPDATE company SET legal_name_key = TRANSLATE(LOWER(legal_name), 'àâäáãéèêëíìîïóòôöõúùûüçñÿœæ', 'aaaaaeeeeiiiiooooouuuucnyoa')
 WHERE legal_name_key IS NULL;
UPDATE user_account SET last_name_key = TRANSLATE(LOWER(last_name), 'àâäáãéèêëíìîïóòôöõúùûüçñÿœæ', 'aaaaaeeeeiiiiooooouuuucnyoa'),
                        first_name_key = TRANSLATE(LOWER(first_name), 'àâäáãéèêëíìîïóòôöõúùûüçñÿœæ', 'aaaaaeeeeiiiiooooouuuucnyoa')
 WHERE last_name_key IS NULL OR first_name_key IS NULL;
