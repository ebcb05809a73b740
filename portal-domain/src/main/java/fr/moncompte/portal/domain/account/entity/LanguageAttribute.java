package fr.moncompte.portal.domain.account.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a language as its lower-case code ("fr", "en"), the form the schema checks. */
@Converter(autoApply = true)
public class LanguageAttribute implements AttributeConverter<Language, String> {

    @Override
    public String convertToDatabaseColumn(Language language) {
        return language == null ? null : language.code();
    }

    @Override
    public Language convertToEntityAttribute(String code) {
        return code == null ? null : Language.fromCode(code);
    }
}
