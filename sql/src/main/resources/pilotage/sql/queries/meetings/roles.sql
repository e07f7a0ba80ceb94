-- The roles of the day.
UPDATE meeting SET facilitator = :facilitator, timekeeper = :timekeeper, secretary = :secretary WHERE id = :id AND status = 'OPEN';
