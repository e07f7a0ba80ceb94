-- The establishments the launching user may load (codes separated by chr(31)); rows of others are rejected by the checks.
UPDATE ingestion SET scope = split_codes(:codes) WHERE id = :id;
