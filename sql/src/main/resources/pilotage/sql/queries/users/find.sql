-- One user with what signing in needs: the password hash, roles, whether enabled, the establishments they are limited to.
SELECT username, password_hash, roles, display_name, enabled, establishments FROM app_user WHERE username = :username;
