SELECT count(*) FROM app_user;
