-- A counter that changes whenever what an account may do changes: deactivation, a new one-time
-- password, a password change, a change of roles. A signed-in session keeps the value it had at
-- sign-in and is ended when the two differ, on every instance, so that such a change takes
-- effect at once and not when the session would have timed out.
ALTER TABLE admin_user ADD COLUMN credential_version INTEGER DEFAULT 0 NOT NULL;
