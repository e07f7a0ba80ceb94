UPDATE app_user SET display_name = :displayName, roles = :roles, establishments = split_codes(:establishments) WHERE username = :username;
