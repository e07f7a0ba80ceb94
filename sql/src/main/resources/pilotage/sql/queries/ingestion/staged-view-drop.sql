-- The view through which the check read a file straight ({{s}}.staged), before the file is staged as a table in its place.
DROP VIEW IF EXISTS {{s}}.staged;
