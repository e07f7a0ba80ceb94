-- The archive of a closed meeting, written in the transaction that closes it.
INSERT INTO meeting_archive (meeting_id, room_id, seq, archived_at, record_json, board_json, minutes_fr, minutes_en, board_pdf,
                             record_sha256, board_json_sha256, minutes_fr_sha256, minutes_en_sha256, board_pdf_sha256,
                             previous_hash, chain_hash)
VALUES (:meeting, :room, :seq, CAST(:at AS TIMESTAMPTZ), :record_json, :board_json, :minutes_fr, :minutes_en, :board_pdf,
        :record_sha256, :board_json_sha256, :minutes_fr_sha256, :minutes_en_sha256, :board_pdf_sha256, :previous_hash, :chain_hash);
