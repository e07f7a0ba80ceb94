-- New establishment and direction codes of the checked file join the reference tables, named by
-- their code until an admin names them; run inside the publishing transaction, before the facts.
INSERT INTO establishment (code, name)
SELECT DISTINCT establishment, establishment FROM {{s}}.checked c
WHERE len(c.errors) = 0 AND NOT EXISTS (SELECT 1 FROM establishment e WHERE e.code = c.establishment);

INSERT INTO direction (establishment, code, name)
SELECT DISTINCT establishment, direction, direction FROM {{s}}.checked c
WHERE len(c.errors) = 0
  AND NOT EXISTS (SELECT 1 FROM direction d WHERE d.establishment = c.establishment AND d.code = c.direction);
