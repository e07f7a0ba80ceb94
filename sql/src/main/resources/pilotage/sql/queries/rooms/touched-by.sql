-- Whether an ingestion wrote data of an establishment (or the catalogue, which every room reads).
SELECT EXISTS (SELECT 1 FROM indicator_measure WHERE ingestion_id = :ingestion AND establishment = :establishment)
    OR EXISTS (SELECT 1 FROM project_count WHERE ingestion_id = :ingestion AND establishment = :establishment)
    OR EXISTS (SELECT 1 FROM indicator WHERE ingestion_id = :ingestion) AS touched
