-- A new user: roles as codes separated by commas, establishments as codes separated by chr(31) (none = every establishment).
INSERT INTO app_user (username, password_hash, roles, display_name, establishments)
VALUES (:username, :hash, :roles, :displayName, split_codes(:establishments));
