SELECT version, checksum FROM schema_version;
