-- A write that reaches the database file: the store's health tries it after a write failed for lack of disk space.
CHECKPOINT;
