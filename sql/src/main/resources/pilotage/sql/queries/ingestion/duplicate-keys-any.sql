-- Whether two valid rows of the checked file {{s}} may share a natural key (the same hash of it): then the duplicates
-- statement must run, on a file staged with its line numbers.
SELECT EXISTS (SELECT 1 FROM {{s}}.checked WHERE ok GROUP BY key_hash HAVING count(*) > 1);
