package org.pilotage.analytics.meetings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pilotage.analytics.dashboard.IndicatorTile;
import org.pilotage.analytics.dashboard.RoomDashboard;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a closed meeting leaves, immutable: its record and the board as they were, as data, its minutes in French and
 * English and the room report of that moment, each with its SHA-256, and a chain hash over those and the room's
 * previous archived meeting, so that a changed or removed record is found by {@link #verify}.
 */
public final class MeetingArchive {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MeetingArchive() {
    }

    /** The SHA-256 of each archived part. */
    public record Hashes(String record, String boardJson, String minutesFr, String minutesEn, String boardPdf) {
    }

    /** A meeting's archive as stored ({@code archivedAt} is not read back when verifying). */
    public record Entry(long meetingId, long roomId, int seq, Instant archivedAt, String recordJson, String boardJson, byte[] minutesFr,
                        byte[] minutesEn, byte[] boardPdf, Hashes hashes, String previousHash, String chainHash) {
    }

    /** The outcome of a check of a room's archive: how many meetings were checked and the first whose record is broken. */
    public record Verification(boolean ok, int checked, Long firstBroken, String problem) {
    }

    static Entry entry(Meeting.Record record, String boardJson, byte[] minutesFr, byte[] minutesEn, byte[] boardPdf, int seq,
                       String previousHash, Instant at) {
        String recordJson = recordJson(record);
        Hashes h = new Hashes(sha256(recordJson), sha256(boardJson), sha256(minutesFr), sha256(minutesEn), sha256(boardPdf));
        return new Entry(record.meeting().id(), record.meeting().roomId(), seq, at, recordJson, boardJson, minutesFr, minutesEn,
                boardPdf, h, previousHash, chain(record.meeting().id(), record.meeting().roomId(), seq, h, previousHash));
    }

    /** Checks every archived meeting of a room, in order: its parts against their hashes, its live record, the chain. */
    static Verification verify(List<Entry> entries, java.util.function.LongFunction<java.util.Optional<Meeting.Record>> live,
                               List<Long> closedWithoutArchive) {
        String previous = null;
        int checked = 0;
        for (Entry e : entries) {
            checked++;
            String problem = null;
            if (e.seq() != checked) {
                problem = "a meeting of the chain is missing before this one";
            } else if (!sha256(e.recordJson()).equals(e.hashes().record()) || !sha256(e.boardJson()).equals(e.hashes().boardJson())
                    || !sha256(e.minutesFr()).equals(e.hashes().minutesFr()) || !sha256(e.minutesEn()).equals(e.hashes().minutesEn())
                    || !sha256(e.boardPdf()).equals(e.hashes().boardPdf())) {
                problem = "an archived part does not match its hash";
            } else if (!java.util.Objects.equals(previous, e.previousHash())
                    || !chain(e.meetingId(), e.roomId(), e.seq(), e.hashes(), e.previousHash()).equals(e.chainHash())) {
                problem = "the chain of hashes is broken";
            } else if (!live.apply(e.meetingId()).map(MeetingArchive::recordJson).map(e.recordJson()::equals).orElse(false)) {
                problem = "the meeting's record in the database differs from its archive";
            }
            if (problem != null) {
                return new Verification(false, checked, e.meetingId(), problem);
            }
            previous = e.chainHash();
        }
        if (!closedWithoutArchive.isEmpty()) {
            return new Verification(false, checked, closedWithoutArchive.getFirst(), "a closed meeting has no archive");
        }
        return new Verification(true, checked, null, null);
    }

    /** The meeting as data, in a fixed order: what its minutes say, and what the check compares with the database. */
    static String recordJson(Meeting.Record r) {
        Meeting m = r.meeting();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.id());
        out.put("roomId", m.roomId());
        out.put("period", m.period().toString());
        out.put("startedAt", String.valueOf(m.startedAt()));
        out.put("startedBy", m.startedBy());
        out.put("closedAt", String.valueOf(m.closedAt()));
        out.put("closedBy", m.closedBy());
        out.put("plannedMinutes", m.plannedMinutes());
        out.put("facilitator", m.roles().facilitator());
        out.put("timekeeper", m.roles().timekeeper());
        out.put("secretary", m.roles().secretary());
        List<Object> attendance = new ArrayList<>();
        for (Meeting.Attendance a : r.attendance()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("memberId", a.memberId());
            x.put("name", a.name());
            x.put("role", a.role());
            x.put("presence", a.presence().name());
            attendance.add(x);
        }
        out.put("attendance", attendance);
        List<Object> items = new ArrayList<>();
        for (Meeting.Item i : r.items()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", i.id());
            x.put("position", i.position());
            x.put("kind", i.kind().name());
            x.put("ref", i.ref());
            x.put("title", i.title());
            x.put("detail", i.detail());
            x.put("status", i.status());
            x.put("new", i.isNew());
            x.put("seconds", i.seconds());
            x.put("dropped", i.dropped());
            List<Object> decisions = new ArrayList<>();
            for (Meeting.Decision d : r.decisionsOn(i.id())) {
                Map<String, Object> y = new LinkedHashMap<>();
                y.put("id", d.id());
                y.put("text", d.text());
                y.put("actionId", d.actionId());
                y.put("escalationId", d.escalationId());
                y.put("recordedBy", d.recordedBy());
                y.put("recordedAt", String.valueOf(d.recordedAt()));
                decisions.add(y);
            }
            x.put("decisions", decisions);
            items.add(x);
        }
        out.put("items", items);
        return JSON.writeValueAsString(out);
    }

    /** The board as data: each tile's indicator, level, unit, value, target and status, for the meeting's month. */
    static String boardJson(RoomDashboard board, String period) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("roomId", board.room().id());
        out.put("room", board.room().name());
        out.put("period", period);
        out.put("freshness", board.freshness() == null ? null : board.freshness().toString());
        out.put("dataVersion", board.dataVersion());
        List<Object> tiles = new ArrayList<>();
        for (IndicatorTile t : board.allTiles()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("indicator", t.indicator().code());
            x.put("labelFr", t.indicator().labelFr());
            x.put("labelEn", t.indicator().labelEn());
            x.put("level", t.indicator().level().name());
            x.put("unit", t.indicator().unit().name());
            x.put("value", t.value());
            x.put("target", t.target());
            x.put("status", t.status().name());
            tiles.add(x);
        }
        out.put("tiles", tiles);
        return JSON.writeValueAsString(out);
    }

    /** The tiles of an archived board: indicator code → status. */
    static Map<String, String> statuses(String boardJson) {
        Map<String, String> out = new LinkedHashMap<>();
        var tree = JSON.readTree(boardJson);
        for (var tile : tree.get("tiles")) {
            out.put(tile.get("indicator").asString(), tile.get("status").asString());
        }
        return out;
    }

    private static String chain(long meeting, long room, int seq, Hashes h, String previous) {
        return sha256(String.join("|", "meeting", Long.toString(meeting), Long.toString(room), Integer.toString(seq), h.record(),
                h.boardJson(), h.minutesFr(), h.minutesEn(), h.boardPdf(), previous == null ? "" : previous));
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
