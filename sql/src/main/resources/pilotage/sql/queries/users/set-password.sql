UPDATE app_user SET password_hash = :hash WHERE username = :username;
