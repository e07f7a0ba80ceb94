package org.pilotage.ui.rooms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.actions.ActionRepository.ActionDraft;
import org.pilotage.analytics.actions.ActionService;
import org.pilotage.analytics.actions.ActionStatus;
import org.pilotage.analytics.actions.PriorityAction;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.text.Refusal;
import org.pilotage.ui.base.Formats;

/**
 * A room's priority actions: the grid (late ones marked), the banner that counts late ones above the
 * room, and for managers the dialog that adds or changes one.
 */
class ActionsSection extends Section {

    private final ActionService actions;
    private final Caller caller;
    private final SteeringRoom room;
    private final Span banner;
    private final Grid<PriorityAction> grid = new Grid<>();
    private final Consumer<PriorityAction> escalate;
    private final Map<Long, String> sent;
    private final Map<Long, String> taken;

    /**
     * @param sent     the actions sent up and not closed, with the status of their escalation
     * @param taken    the actions that take in charge an escalation a child room sent, with what says which
     * @param escalate sends an action up to the parent room; null when the room has no parent or the caller may not
     */
    ActionsSection(ActionService actions, Caller caller, SteeringRoom room, Span banner, Map<Long, String> sent,
                   Map<Long, String> taken, Consumer<PriorityAction> escalate) {
        this.escalate = escalate;
        this.sent = sent;
        this.taken = taken;
        this.actions = actions;
        this.caller = caller;
        this.room = room;
        this.banner = banner;
        setId("section-actions");
        addClassName("effect-section");
        grid.setId("actions");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setPartNameGenerator(a -> a.late() ? "action-late" : null);
        grid.addItemDoubleClickListener(e -> {
            if (ActionService.mayChange(caller)) {
                edit(e.getItem());
            }
        });
        render();
    }

    private void render() {
        removeAll();
        Formats f = new Formats(getLocale());
        add(new H2(getTranslation("actions.title")));
        grid.removeAllColumns();
        grid.addColumn(PriorityAction::title).setHeader(getTranslation("actions.col.title")).setFlexGrow(3);
        grid.addColumn(PriorityAction::owner).setHeader(getTranslation("actions.col.owner")).setFlexGrow(1);
        grid.addColumn(a -> f.day(a.dueDate())).setHeader(getTranslation("actions.col.due")).setFlexGrow(1)
                .setComparator(PriorityAction::dueDate);
        grid.addColumn(a -> a.late() ? "⚠ " + getTranslation("actions.status.late")
                : getTranslation("actions.status." + a.status().code())).setHeader(getTranslation("actions.col.status"))
                .setFlexGrow(1).setPartNameGenerator(a -> a.late() ? "action-late" : null);
        grid.addColumn(a -> a.indicator() == null ? "" : a.indicator()).setHeader(getTranslation("actions.col.indicator"))
                .setFlexGrow(1);
        if (escalate != null || !sent.isEmpty() || !taken.isEmpty()) {
            grid.addComponentColumn(a -> {
                Div cell = new Div();
                cell.addClassName("action-escalation");
                if (taken.containsKey(a.id())) {
                    Span from = new Span("↓ " + taken.get(a.id()));
                    from.addClassName("action-taken-from");
                    cell.add(from);
                }
                if (sent.containsKey(a.id())) {
                    Span up = new Span("↑ " + getTranslation("escalation.already", sent.get(a.id())));
                    up.addClassName("action-escalated");
                    cell.add(up);
                } else if (a.status() != ActionStatus.DONE && escalate != null) {
                    Button up = new Button("↑ " + getTranslation("escalation.escalate"), e -> escalate.accept(a));
                    up.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                    up.addClassName("action-escalate");
                    up.getElement().setAttribute("data-action", String.valueOf(a.id()));
                    cell.add(up);
                }
                return cell;
            }).setAutoWidth(true).setFlexGrow(0);
        }
        List<PriorityAction> list = actions.forRoom(room);
        grid.setItems(list);
        long late = list.stream().filter(PriorityAction::late).count();
        banner.setText(late == 0 ? "" : "⚠ " + getTranslation("actions.late-banner", late));
        banner.setVisible(late > 0);
        if (ActionService.mayChange(caller)) {
            Button add = new Button(getTranslation("actions.add"), e -> edit(null));
            add.setId("action-add");
            add(add, new Paragraph(getTranslation("actions.edit-hint")));
        }
        add(list.isEmpty() ? new Paragraph(getTranslation("actions.none")) : grid);
    }

    private void edit(PriorityAction action) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(action == null ? "actions.add" : "actions.edit"));
        TextField title = new TextField(getTranslation("actions.col.title"));
        title.setId("action-title");
        title.setMaxLength(300);
        TextField owner = new TextField(getTranslation("actions.col.owner"));
        owner.setId("action-owner");
        owner.setMaxLength(120);
        DatePicker due = new DatePicker(getTranslation("actions.col.due"));
        due.setId("action-due");
        due.setLocale(getLocale());
        Select<ActionStatus> status = new Select<>();
        status.setLabel(getTranslation("actions.col.status"));
        status.setItems(ActionStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("actions.status." + s.code()));
        Select<String> indicator = new Select<>();
        indicator.setLabel(getTranslation("actions.col.indicator"));
        List<String> items = new ArrayList<>();
        items.add("");
        items.addAll(room.indicators());
        indicator.setItems(items);
        indicator.setItemLabelGenerator(c -> c.isEmpty() ? "—" : c);
        if (action != null) {
            title.setValue(action.title());
            owner.setValue(action.owner());
            due.setValue(action.dueDate());
            status.setValue(action.status());
            indicator.setValue(action.indicator() == null ? "" : action.indicator());
        } else {
            due.setValue(LocalDate.now().plusWeeks(2));
            status.setValue(ActionStatus.TODO);
            indicator.setValue("");
        }
        Paragraph problem = new Paragraph();
        problem.addClassName("form-problems");
        dialog.add(new FormLayout(title, owner, due, status, indicator), problem);
        Button save = new Button(getTranslation("actions.save"), e -> {
            ActionDraft draft = new ActionDraft(title.getValue(), owner.getValue(), due.getValue(), status.getValue(),
                    indicator.getValue());
            try {
                if (action == null) {
                    actions.add(caller, room, draft);
                } else {
                    actions.update(caller, room, action.id(), draft);
                }
            } catch (Refusal refused) {
                problem.setText(refused.in(getLocale()));
                return;
            }
            dialog.close();
            Notification.show(getTranslation("actions.saved"));
            render();
        });
        save.setId("action-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }
}
