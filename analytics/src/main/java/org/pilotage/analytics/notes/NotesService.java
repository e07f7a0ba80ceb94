package org.pilotage.analytics.notes;

import java.time.YearMonth;

import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.audit.AuditLog;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.status.CommitmentRepository;
import org.pilotage.analytics.status.CommitmentRepository.Commitments;
import org.pilotage.analytics.text.Invalid;

/**
 * What managers write about an indicator (dated comments, drawn on its charts) and the commitment levels
 * admins set: each checked and audited.
 */
public class NotesService {

    /** Who writes comments. */
    private static final Role[] COMMENT = {Role.MANAGER, Role.ADMIN};
    /** Who sets commitment levels. */
    private static final Role[] COMMIT = {Role.ADMIN};

    private final CommentRepository comments;
    private final CommitmentRepository commitments;
    private final AuditLog audit;

    public NotesService(CommentRepository comments, CommitmentRepository commitments, AuditLog audit) {
        this.comments = comments;
        this.commitments = commitments;
        this.audit = audit;
    }

    public static boolean mayComment(Caller caller) {
        return caller.hasAny(COMMENT);
    }

    public static boolean maySetCommitments(Caller caller) {
        return caller.hasAny(COMMIT);
    }

    /** A comment on an indicator the room follows, for a month of the room's establishment. */
    public long comment(Caller caller, SteeringRoom room, String indicator, YearMonth month, String text) {
        caller.requireAny(COMMENT);
        if (!room.indicators().contains(indicator)) {
            throw new Invalid("room.indicator-outside", indicator);
        }
        if (month == null || text == null || text.isBlank() || text.strip().length() > CommentRepository.MAX_LENGTH) {
            throw new Invalid("comments.empty");
        }
        long id = comments.add(indicator, room.establishment(), month, text, caller.username());
        audit.record(caller, "comment-added", "indicator " + indicator + " comment " + id, room.establishment() + " " + month);
        return id;
    }

    /** The commitment gap of an indicator (percent of its target) from a month on. */
    public void setCommitment(Caller caller, String indicator, YearMonth from, Double gapPercent) {
        caller.requireAny(COMMIT);
        if (from == null || gapPercent == null || !(gapPercent >= 0 && gapPercent <= 100)) {
            throw new Invalid("commitment.invalid");
        }
        commitments.set(indicator, from, gapPercent, caller.username());
        audit.record(caller, "commitment-set", "indicator " + indicator, gapPercent + " % from " + from);
    }

    public Commitments commitments() {
        return commitments.all();
    }
}
