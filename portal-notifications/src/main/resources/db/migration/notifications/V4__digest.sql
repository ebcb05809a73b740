-- Notifications schema, version 4: the daily digest (beyond SPEC §6). A person may have a non-mandatory event
-- gathered in one mail a day, or shown in the portal once a day, rather than as it happens.
ALTER TABLE ntf_preference ADD COLUMN digest BOOLEAN DEFAULT FALSE NOT NULL;
-- Waiting for the next digest mail (mail_digest) until it went out (digested_at); shown in the inbox from then on
-- (shown_from; null: at once).
ALTER TABLE ntf_notification ADD COLUMN mail_digest BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE ntf_notification ADD COLUMN digested_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ntf_notification ADD COLUMN shown_from TIMESTAMP WITH TIME ZONE;
CREATE INDEX ntf_notification_digest ON ntf_notification (mail_digest, digested_at);
