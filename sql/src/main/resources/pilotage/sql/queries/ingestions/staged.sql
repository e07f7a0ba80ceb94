-- What staging learned of the file: its encoding, delimiter and header as written.
UPDATE ingestion SET encoding = :encoding, delimiter = :delimiter, header = :header WHERE id = :id;
