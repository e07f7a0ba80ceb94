-- Gives an establishment its display name (codes seen first in a file are named by their code).
UPDATE establishment SET name = :name WHERE code = :code;
