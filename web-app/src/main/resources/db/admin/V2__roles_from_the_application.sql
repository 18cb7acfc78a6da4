-- Staff roles are spelled in one place, the application's Role enum; the database no longer keeps
-- a second list of them.
ALTER TABLE admin_user_role DROP CONSTRAINT ck_admin_user_role;
