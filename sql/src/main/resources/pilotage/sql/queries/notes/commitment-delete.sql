-- The commitment level set for the same indicator and month is replaced (run with commitment-insert.sql).
DELETE FROM indicator_commitment WHERE indicator = :indicator AND valid_from = CAST(:from AS DATE);
