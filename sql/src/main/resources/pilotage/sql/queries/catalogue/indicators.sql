-- The indicator catalogue, ordered as the practice sheets list it: by level, then code.
SELECT code, level, label_fr, label_en, unit, better, default_target
FROM indicator
ORDER BY CASE level WHEN 'organisational' THEN 1 WHEN 'practitioner' THEN 2 ELSE 3 END, code
