package fr.moncompte.portal.domain;

import java.util.List;

/**
 * A form's values were refused, each problem with its field, so that a page marks them all at once and keeps what
 * was typed (SPEC §4 rule 8). The first problem's key is the exception's own.
 */
public class FieldsRefused extends PortalException {

    private static final long serialVersionUID = 1L;

    /** One refused field: its name in the submitted record and the message key. */
    public record Problem(String field, String messageKey) {
    }

    private final transient List<Problem> problems;

    public FieldsRefused(List<Problem> problems) {
        super(problems.get(0).messageKey());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
