-- The one aggregation rule of Pilotage, used wherever rows of an indicator are combined (over directions,
-- over the months of a period): counts are summed and the other units averaged; targets follow the same
-- rule so that a value and its target always cover the same rows, and a count's target is unknown (NULL)
-- when one of the rows summed has none (a sum of part of them would make the status look better than it
-- is). An average's target is the average of the rows that have one.
-- Both are aggregate expressions: use them in a query that groups, with the unit of the rows grouped.
CREATE MACRO combined_value(unit, v) AS
    CASE WHEN any_value(unit) = 'count' THEN sum(v) ELSE avg(v) END;

CREATE MACRO combined_target(unit, t) AS
    CASE WHEN any_value(unit) = 'count' THEN CASE WHEN count(t) = count(*) THEN sum(t) END ELSE avg(t) END;
