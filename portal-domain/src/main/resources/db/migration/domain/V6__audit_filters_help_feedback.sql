-- Domain schema, version 6: the operators' audit log is filtered by actor and by action, newest first; and the
-- answers to "Cet article a-t-il été utile ?" at the end of each help article are kept for operators.
CREATE INDEX audit_event_actor ON audit_event (actor_id, occurred_at);
CREATE INDEX audit_event_action ON audit_event (action, occurred_at);

CREATE TABLE help_feedback (
    id              BIGINT        NOT NULL PRIMARY KEY,
    topic           VARCHAR(40)   NOT NULL,
    language        VARCHAR(2)    NOT NULL,
    helpful         BOOLEAN       NOT NULL,
    comment_text    VARCHAR(1000),
    user_account_id BIGINT REFERENCES user_account (id),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT help_feedback_language CHECK (language IN ('fr', 'en'))
);
CREATE INDEX help_feedback_topic ON help_feedback (topic, created_at);
