SELECT decimal_comma, line_expr, file_columns, wide, unreadable, spaced FROM {{s}}.context;
