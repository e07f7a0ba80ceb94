-- The published ingestions among some ids (joined by chr(31)): when each was published and from which file.
SELECT g.id,
       g.file_name,
       m.published_at
FROM ingestion g
JOIN ingestion_manifest m ON m.ingestion_id = g.id
WHERE list_contains(split_codes(:ids), CAST(g.id AS VARCHAR))
ORDER BY g.id
