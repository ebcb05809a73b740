-- Notifications schema, version 3: what each recipient was told of each event, and the mails waiting to go out.
-- A notification row per (event, recipient) is the consumer's idempotency key: a message delivered twice finds its
-- rows and sends nothing new. It is also the in-app inbox entry when that channel was on. Mails are written to the
-- outbox in the consuming transaction and sent after it, apart, with retries; the last failure leaves them DEAD for
-- an operator to replay. Ids come from a sequence per table in blocks of 50: EclipseLink takes a value as the end
-- of its block (50 gives 1 to 50), and refuses a first value below the block's size.
CREATE SEQUENCE ntf_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE ntf_mail_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE ntf_notification (
    id          BIGINT                   NOT NULL PRIMARY KEY,
    event_id    VARCHAR(36)              NOT NULL,
    account_id  BIGINT                   NOT NULL,
    event_type  VARCHAR(40)              NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    in_app      BOOLEAN                  NOT NULL,
    -- The page it is about, relative to the portal ("invoices/invoice.xhtml?id=12"); null when there is none.
    link        VARCHAR(300),
    -- What its text names (invoice number, company, amount, application...), as JSON, written in the reader's
    -- language when shown.
    facts       VARCHAR(2000)            NOT NULL,
    read_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ntf_notification_once UNIQUE (event_id, account_id)
);
CREATE INDEX ntf_notification_inbox ON ntf_notification (account_id, in_app, read_at);

CREATE TABLE ntf_mail (
    id              BIGINT                   NOT NULL PRIMARY KEY,
    -- Stable per event and addressee: the Message-ID, and a second copy of one mail can never be queued.
    reference       VARCHAR(80)              NOT NULL,
    event_type      VARCHAR(40)              NOT NULL,
    account_id      BIGINT,
    recipient       VARCHAR(320)             NOT NULL,
    sender_name     VARCHAR(200)             NOT NULL,
    language        VARCHAR(5)               NOT NULL,
    subject         VARCHAR(500)             NOT NULL,
    -- The bodies are emptied once sent: a link's secret is kept no longer than needed.
    text_body       VARCHAR(100000),
    html_body       VARCHAR(100000),
    state           VARCHAR(10)              NOT NULL,
    attempts        INTEGER                  NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_by      VARCHAR(36),
    claimed_until   TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(1000),
    queued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ntf_mail_reference UNIQUE (reference),
    CONSTRAINT ntf_mail_state CHECK (state IN ('PENDING', 'SENT', 'DEAD'))
);
CREATE INDEX ntf_mail_due ON ntf_mail (state, next_attempt_at);

-- Replaced by ntf_notification: the idempotency key is now the event and the recipient.
DROP TABLE ntf_handled_event;
