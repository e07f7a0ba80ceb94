-- Every archived meeting of a room, in the order of the chain, with what is checked.
SELECT meeting_id, seq, record_json, board_json, minutes_fr, minutes_en, board_pdf, record_sha256, board_json_sha256,
       minutes_fr_sha256, minutes_en_sha256, board_pdf_sha256, previous_hash, chain_hash
FROM meeting_archive WHERE room_id = :room ORDER BY seq;
