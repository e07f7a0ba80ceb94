-- The first staged rows of a file, for the steward's preview ({{columns}}: the staged columns, {{rows}}: how many).
SELECT {{columns}} FROM {{s}}.staged LIMIT {{rows}};
