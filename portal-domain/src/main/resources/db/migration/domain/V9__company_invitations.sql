-- An existing person asked to join another company (issue 19): an administrator who types an address that is
-- already a login invites its owner, who accepts or declines in Mon compte. Nothing here is a secret: the person
-- answers signed in. The membership and the access asked for are made when they accept, if the inviter may still
-- give them. What the administrator sees is the same as for a new person, so nobody learns from it whether an
-- address has an account.
CREATE TABLE company_invitation (
    id            VARCHAR(36) NOT NULL PRIMARY KEY,
    account_id    BIGINT      NOT NULL REFERENCES user_account (id),
    company_id    BIGINT      NOT NULL REFERENCES company (id),
    invited_by    BIGINT      NOT NULL REFERENCES user_account (id),
    administrator BOOLEAN     NOT NULL,
    applications  VARCHAR(4000) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at   TIMESTAMP WITH TIME ZONE,
    outcome       VARCHAR(10),
    version       BIGINT      NOT NULL,
    CONSTRAINT company_invitation_outcome CHECK (outcome IN ('ACCEPTED', 'DECLINED', 'CANCELLED')),
    CONSTRAINT company_invitation_answered CHECK ((outcome IS NULL) = (answered_at IS NULL))
);
CREATE INDEX company_invitation_account ON company_invitation (account_id, expires_at);

