-- Rows checked, and of them rejected.
SELECT count(*) AS read, count(*) FILTER (WHERE NOT ok) AS rejected FROM {{s}}.checked;
