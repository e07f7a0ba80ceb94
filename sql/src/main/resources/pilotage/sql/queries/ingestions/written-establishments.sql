-- What a published ingestion wrote that dashboards read: the establishments of its rows, and a NULL row
-- when it wrote the catalogue (which every room reads).
SELECT DISTINCT establishment FROM indicator_measure WHERE ingestion_id = :id
UNION
SELECT DISTINCT establishment FROM project_count WHERE ingestion_id = :id
UNION
SELECT NULL FROM indicator WHERE ingestion_id = :id
