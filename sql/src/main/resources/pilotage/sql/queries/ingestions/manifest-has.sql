SELECT count(*) > 0 FROM ingestion_manifest WHERE sha256 = :sha256;
