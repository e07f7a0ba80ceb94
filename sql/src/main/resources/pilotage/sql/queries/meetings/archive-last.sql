-- The room's last archived meeting: its place in the chain and its hash.
SELECT seq, chain_hash, board_json FROM meeting_archive WHERE room_id = :room ORDER BY seq DESC LIMIT 1;
