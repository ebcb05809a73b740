package fr.moncompte.portal.domain.help.entity;

import java.util.Locale;
import java.util.Optional;

/** The help articles shipped with the portal: one per space (SPEC §3: every screen links to its article). */
public enum HelpTopic {
    ACCOUNT, USERS, COMPANIES, OPERATIONS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The topic of a code from a URL; anything else is no topic. */
    public static Optional<HelpTopic> fromCode(String code) {
        for (HelpTopic topic : values()) {
            if (topic.code().equals(code)) {
                return Optional.of(topic);
            }
        }
        return Optional.empty();
    }
}
