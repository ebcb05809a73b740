-- The first demo data carried VAT numbers whose key did not match their SIREN, and one SIRET failing its Luhn
-- check; the portal now validates them (SIREN Luhn, SIRET of that SIREN, VAT key = (12 + 3 × (SIREN mod 97)) mod 97).
UPDATE company SET vat_number = 'FR64443061841' WHERE id = 31;
UPDATE company SET vat_number = 'FR82542065479', siret = '54206547900025' WHERE id = 32;
UPDATE accounting_firm SET vat_number = 'FR96552100554' WHERE id = 20;
