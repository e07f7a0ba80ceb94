-- A member present, absent or excused at a meeting.
INSERT OR REPLACE INTO meeting_attendance (meeting_id, member_id, name, role, presence) VALUES (:meeting, :member, :name, :role, :presence);
