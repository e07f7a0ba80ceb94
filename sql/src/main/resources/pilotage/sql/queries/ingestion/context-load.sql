SELECT decimal_comma, line_expr, file_columns, wide, unreadable FROM {{s}}.context;
