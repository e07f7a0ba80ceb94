-- A manager's dated comment on an indicator for a month of an establishment.
INSERT INTO indicator_comment (indicator, establishment, period, text, author)
VALUES (:indicator, :establishment, CAST(:period AS DATE), :text, :author) RETURNING id;
