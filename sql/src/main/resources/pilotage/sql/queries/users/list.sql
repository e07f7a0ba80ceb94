-- Every user as admins see them, by name.
SELECT username, display_name, roles, establishments, enabled FROM app_user ORDER BY username;
