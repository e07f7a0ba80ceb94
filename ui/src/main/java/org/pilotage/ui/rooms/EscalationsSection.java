package org.pilotage.ui.rooms;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.RouteParam;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.actions.ActionService;
import org.pilotage.analytics.escalations.Escalation;
import org.pilotage.analytics.escalations.EscalationService;
import org.pilotage.analytics.escalations.EscalationStatus;
import org.pilotage.analytics.reference.ReferenceService;
import org.pilotage.analytics.rooms.ReportingPeriod;
import org.pilotage.analytics.rooms.RoomFilters;
import org.pilotage.analytics.rooms.RoomService;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.ui.base.Formats;

/**
 * A room's escalations: what its child rooms sent it (to take in charge, answer, return or carry further
 * up) and what it sent its parent room (with the answer that came back down, to close or open again).
 * One past its answer date without an answer stands out.
 */
class EscalationsSection extends Section {

    private final EscalationService escalations;
    private final ActionService actions;
    private final RoomService rooms;
    private final ReferenceService reference;
    private final Caller caller;
    private final SteeringRoom room;
    private final Runnable changed;
    private final Map<Long, String> roomNames = new HashMap<>();

    EscalationsSection(EscalationService escalations, ActionService actions, RoomService rooms, ReferenceService reference, Caller caller,
                       SteeringRoom room, Runnable changed) {
        this.escalations = escalations;
        this.actions = actions;
        this.rooms = rooms;
        this.reference = reference;
        this.caller = caller;
        this.room = room;
        this.changed = changed;
        setId("section-escalations");
        addClassName("effect-section");
        rooms.visible(caller).forEach(r -> roomNames.put(r.id(), r.name()));
        render();
    }

    private void render() {
        removeAll();
        add(new H2(getTranslation("escalation.section")));
        List<Escalation> received = escalations.received(caller, room);
        List<Escalation> sent = escalations.sent(caller, room);
        if (!rooms.children(room).isEmpty() || !received.isEmpty()) {
            add(new H3(getTranslation("escalation.received")));
            add(received.isEmpty() ? new Paragraph(getTranslation("escalation.none-received")) : grid("escalations-received", received, true));
        }
        if (room.parentId() != null || !sent.isEmpty()) {
            add(new H3(getTranslation("escalation.sent-title")));
            add(sent.isEmpty() ? new Paragraph(getTranslation("escalation.none-sent")) : grid("escalations-sent", sent, false));
        }
    }

    private Grid<Escalation> grid(String id, List<Escalation> list, boolean received) {
        LocalDate today = escalations.today();
        Formats f = new Formats(getLocale());
        Grid<Escalation> grid = new Grid<>();
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(e -> roomNames.getOrDefault(received ? e.fromRoom() : e.toRoom(), "—"))
                .setHeader(getTranslation(received ? "escalation.col.from" : "escalation.col.to")).setFlexGrow(2);
        grid.addComponentColumn(e -> subjectLink(e, f, received)).setHeader(getTranslation("escalation.col.subject")).setFlexGrow(3);
        grid.addColumn(e -> e.reason() + (e.ask() == null ? "" : " — " + getTranslation("escalation.asked", e.ask())))
                .setHeader(getTranslation("escalation.col.reason")).setFlexGrow(4);
        grid.addComponentColumn(this::status).setHeader(getTranslation("escalation.col.status")).setFlexGrow(2);
        grid.addColumn(e -> EscalationDialogs.answerBy(this, e, today)).setHeader(getTranslation("escalation.col.answer-by"))
                .setFlexGrow(2).setPartNameGenerator(e -> e.overdue(today) ? "escalation-overdue" : null);
        grid.addColumn(e -> e.answer() == null ? "" : e.answer()).setHeader(getTranslation("escalation.col.answer")).setFlexGrow(4);
        grid.addComponentColumn(e -> buttons(e, received)).setHeader(getTranslation("escalation.col.actions")).setAutoWidth(true);
        grid.setPartNameGenerator(e -> e.overdue(today) ? "escalation-overdue" : null);
        grid.setItems(list);
        grid.setAllRowsVisible(true);
        return grid;
    }

    /**
     * The subject; an indicator links to its drill-down (values, history, comments) in the room that sent it,
     * for the month it was sent about.
     */
    private Component subjectLink(Escalation e, Formats f, boolean received) {
        String text = subject(e, f);
        long sender = received ? e.fromRoom() : room.id();
        if (e.aboutIndicator()) {
            var target = rooms.find(caller, sender).filter(r -> r.indicators().contains(e.indicator()));
            if (target.isPresent()) {
                RouterLink link = new RouterLink(text, IndicatorView.class,
                        new RouteParameters(new RouteParam("id", String.valueOf(sender)), new RouteParam("code", e.indicator())));
                link.setQueryParameters(RoomAddress.query(new RoomFilters(ReportingPeriod.month(e.period()))));
                link.addClassName("escalation-subject-link");
                return link;
            }
        }
        return new Span(text);
    }

    /** An indicator and its month with its figures then, or a priority action by its title. */
    private String subject(Escalation e, Formats f) {
        if (e.aboutIndicator()) {
            String label = reference.indicator(e.indicator()).map(i -> i.label(getLocale())).orElse(e.indicator());
            String figures = e.figures() == null ? "" : " (" + getTranslation("escalation.figures",
                    e.figures().value() == null ? "—" : f.number(e.figures().value()),
                    e.figures().target() == null ? "—" : f.number(e.figures().target()),
                    getTranslation("status." + e.figures().status())) + ")";
            return label + " · " + f.month(e.period()) + figures;
        }
        return getTranslation("escalation.action-subject", escalations.actionTitle(e).orElse(getTranslation("format.ref", e.actionId())));
    }

    private Span status(Escalation e) {
        Span s = new Span(getTranslation("escalation.status." + e.status().name()));
        s.getElement().getThemeList().add("badge");
        s.addClassNames("escalation-status", "escalation-status-" + e.status().code());
        if (e.status() == EscalationStatus.ANSWERED) {
            s.getElement().getThemeList().add("success");
        }
        return s;
    }

    private HorizontalLayout buttons(Escalation e, boolean received) {
        HorizontalLayout row = new HorizontalLayout();
        row.setSpacing(false);
        row.getElement().setAttribute("data-escalation", String.valueOf(e.id()));
        if (EscalationService.mayAct(caller)) {
            EscalationStatus.Side side = received ? EscalationStatus.Side.PARENT : EscalationStatus.Side.CHILD;
            for (EscalationStatus to : EscalationStatus.values()) {
                if (!e.status().mayMoveTo(to) || to.movedBy() != side || (to == EscalationStatus.ESCALATED && room.parentId() == null)) {
                    continue;
                }
                Button b = new Button(getTranslation("escalation.move.button." + to.name()),
                        c -> EscalationDialogs.move(this, escalations, actions, caller, e, to, room, this::changedHere));
                b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                b.addClassName("escalation-" + to.code());
                row.add(b);
            }
        }
        Button thread = new Button(getTranslation("escalation.thread"), c -> EscalationDialogs.thread(this, escalations, caller, e, roomNames));
        thread.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        thread.addClassName("escalation-thread");
        row.add(thread);
        return row;
    }

    private void changedHere() {
        changed.run();
    }
}
