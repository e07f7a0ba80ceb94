-- New establishment and direction codes of the checked file ({{s}}.refs, from references-collect.sql) join the reference
-- tables, named by their code until an admin names them; run inside the publishing transaction, before the facts.
INSERT INTO establishment (code, name)
SELECT DISTINCT establishment, establishment FROM {{s}}.refs r
WHERE NOT EXISTS (SELECT 1 FROM establishment e WHERE e.code = r.establishment);

INSERT INTO direction (establishment, code, name)
SELECT establishment, direction, direction FROM {{s}}.refs r
WHERE NOT EXISTS (SELECT 1 FROM direction d WHERE d.establishment = r.establishment AND d.code = r.direction);
