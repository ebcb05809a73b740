-- Failed attempts on an unknown e-mail are counted like those on an account (issue 19): by e-mail and time.
CREATE INDEX sign_in_attempt_email ON sign_in_attempt (email_key, occurred_at);
