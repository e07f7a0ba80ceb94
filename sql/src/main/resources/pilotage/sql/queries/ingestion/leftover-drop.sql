-- A workspace schema that an earlier version kept in the database file, left there by a stop of the service.
DROP SCHEMA IF EXISTS {{s}} CASCADE;
