-- A user may be limited to some establishments (empty = every establishment).
ALTER TABLE app_user ADD COLUMN establishments VARCHAR[] DEFAULT [];
