package fr.moncompte.portal.domain.organisation.boundary;

/**
 * One thing an operator's search in Back-office › Clients found (issue 21).
 *
 * @param kind   ACCOUNT, FIRM, COMPANY or PERSON
 * @param id     its id, which its page takes
 * @param label  its name
 * @param detail what tells two of the same name apart: a SIREN, an e-mail, the account it belongs to
 * @param accountId the customer account it belongs to (null for a person, who may belong to several)
 */
public record ClientHit(Kind kind, long id, String label, String detail, Long accountId) {

    public enum Kind {
        ACCOUNT, FIRM, COMPANY, PERSON
    }
}
