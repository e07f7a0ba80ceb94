INSERT INTO indicator_commitment (indicator, valid_from, gap_percent, updated_by) VALUES (:indicator, CAST(:from AS DATE), :gap, :by);
