-- Every upload an ingestion still refers to: the others in uploads/ are leftovers of an upload cut short.
SELECT stored_file FROM ingestion WHERE stored_file IS NOT NULL;
