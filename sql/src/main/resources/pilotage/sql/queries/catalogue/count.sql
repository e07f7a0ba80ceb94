SELECT count(*) FROM indicator;
