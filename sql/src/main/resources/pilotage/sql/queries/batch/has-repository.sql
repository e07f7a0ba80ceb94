-- Whether Spring Batch's job repository tables exist yet in the store (created once from Spring Batch's own script).
SELECT count(*) FROM information_schema.tables WHERE lower(table_name) = 'batch_job_instance';
