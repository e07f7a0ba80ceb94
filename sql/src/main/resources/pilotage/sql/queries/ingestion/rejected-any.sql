-- Whether the checked file {{s}} holds a row to reject.
SELECT EXISTS (SELECT 1 FROM {{s}}.checked WHERE NOT ok);
