-- The store's settings, once, when it opens: memory ({{memory}}, a size such as 4GB), worker threads ({{threads}}), spill files in
-- the data dir ({{temp}}), and, locked down once set (DuckDB refuses to turn external access back on), files inside the data dir
-- only ({{allowed}}): no URL, no extension download.
SET GLOBAL memory_limit = {{memory}};
SET GLOBAL threads = {{threads}};
SET GLOBAL temp_directory = {{temp}};
SET GLOBAL allowed_directories = [{{allowed}}];
SET GLOBAL enable_external_access = false;
