-- One archived document of a meeting ({{column}}: minutes_fr, minutes_en, board_pdf or board_json, named by the service).
SELECT {{column}} FROM meeting_archive WHERE meeting_id = :meeting;
