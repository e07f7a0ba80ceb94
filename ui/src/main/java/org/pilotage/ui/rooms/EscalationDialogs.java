package org.pilotage.ui.rooms;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.actions.ActionService;
import org.pilotage.analytics.actions.ActionStatus;
import org.pilotage.analytics.actions.PriorityAction;
import org.pilotage.analytics.escalations.Escalation;
import org.pilotage.analytics.escalations.EscalationDraft;
import org.pilotage.analytics.escalations.EscalationEvent;
import org.pilotage.analytics.escalations.EscalationService;
import org.pilotage.analytics.escalations.EscalationStatus;
import org.pilotage.analytics.escalations.Transition;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.text.Refusal;
import org.pilotage.ui.base.Formats;

/** The dialogs of escalation: sending an item up, moving an escalation on, reading its thread. */
final class EscalationDialogs {

    private EscalationDialogs() {
    }

    /** Sends an indicator of a month ({@code indicator} and {@code period}) or a priority action ({@code actionId}) to the parent room. */
    static void escalate(Component host, EscalationService escalations, Caller caller, SteeringRoom room, SteeringRoom parent,
                         String subject, String indicator, YearMonth period, Long actionId, Runnable done) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(host.getTranslation("escalation.dialog.title", parent.name()));
        dialog.setWidth("36rem");
        Paragraph what = new Paragraph(subject);
        what.addClassName("escalation-subject");
        TextArea reason = new TextArea(host.getTranslation("escalation.reason"));
        reason.setId("escalation-reason");
        reason.setRequired(true);
        reason.setMaxLength(2000);
        reason.setWidthFull();
        TextArea ask = new TextArea(host.getTranslation("escalation.ask"));
        ask.setId("escalation-ask");
        ask.setMaxLength(2000);
        ask.setWidthFull();
        DatePicker answerBy = new DatePicker(host.getTranslation("escalation.answer-by"));
        answerBy.setId("escalation-answer-by");
        answerBy.setLocale(locale(host));
        answerBy.setValue(escalations.defaultAnswerBy(parent));
        answerBy.setMin(escalations.today());
        Paragraph problem = new Paragraph();
        problem.addClassName("form-problems");
        dialog.add(what, reason, ask, answerBy, problem);
        Button send = new Button(host.getTranslation("escalation.send"), e -> {
            try {
                escalations.escalate(caller, room, new EscalationDraft(indicator, period, actionId, reason.getValue(), ask.getValue(),
                        answerBy.getValue(), parent.id()));
            } catch (Refusal refused) {
                problem.setText(refused.in(locale(host)));
                return;
            }
            dialog.close();
            Notification.show(host.getTranslation("escalation.sent", parent.name()));
            done.run();
        });
        send.setId("escalation-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(host.getTranslation("action.cancel"), e -> dialog.close()), send);
        dialog.open();
    }

    /**
     * Moves an escalation on. Taking it in charge creates a priority action of the parent room (title, owner
     * and due date filled in) or links one of its open actions; the other moves ask for a text when they need one.
     */
    static void move(Component host, EscalationService escalations, ActionService actions, Caller caller, Escalation e,
                     EscalationStatus to, SteeringRoom parent, Runnable done) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(host.getTranslation("escalation.move.title." + to.name(), e.id()));
        dialog.setWidth("36rem");
        TextArea text = new TextArea(host.getTranslation(to.needsText() ? "escalation.move.text-required" : "escalation.move.text"));
        text.setId("escalation-text");
        text.setMaxLength(2000);
        text.setWidthFull();
        Paragraph problem = new Paragraph();
        problem.addClassName("form-problems");
        RadioButtonGroup<String> how = new RadioButtonGroup<>();
        TextField title = new TextField(host.getTranslation("actions.col.title"));
        TextField owner = new TextField(host.getTranslation("actions.col.owner"));
        DatePicker due = new DatePicker(host.getTranslation("actions.col.due"));
        Select<PriorityAction> existing = new Select<>();
        if (to == EscalationStatus.TAKEN_IN_CHARGE) {
            List<PriorityAction> open = new ArrayList<>(actions.forRoom(parent).stream().filter(a -> a.status() != ActionStatus.DONE).toList());
            how.setItems(open.isEmpty() ? List.of("new") : List.of("new", "link"));
            how.setItemLabelGenerator(k -> host.getTranslation("escalation.take." + k));
            how.setValue("new");
            title.setId("take-title");
            title.setWidthFull();
            title.setMaxLength(300);
            title.setValue(titleOf(e));
            owner.setId("take-owner");
            owner.setMaxLength(120);
            owner.setValue(caller.username());
            due.setId("take-due");
            due.setLocale(locale(host));
            due.setValue(e.answerBy().isBefore(escalations.today()) ? escalations.defaultAnswerBy(parent) : e.answerBy());
            existing.setLabel(host.getTranslation("escalation.take.action"));
            existing.setItems(open);
            existing.setItemLabelGenerator(PriorityAction::title);
            existing.setVisible(false);
            how.addValueChangeListener(v -> {
                boolean link = "link".equals(v.getValue());
                existing.setVisible(link);
                title.setVisible(!link);
                owner.setVisible(!link);
                due.setVisible(!link);
            });
            dialog.add(how, title, owner, due, existing);
        }
        dialog.add(text, problem);
        Button ok = new Button(host.getTranslation("escalation.move.ok." + to.name()), click -> {
            boolean link = to == EscalationStatus.TAKEN_IN_CHARGE && "link".equals(how.getValue());
            Transition t = to != EscalationStatus.TAKEN_IN_CHARGE ? Transition.to(to, text.getValue())
                    : new Transition(to, text.getValue(), link && existing.getValue() != null ? existing.getValue().id() : null,
                    link ? null : title.getValue(), link ? null : owner.getValue(), link ? null : due.getValue());
            try {
                escalations.move(caller, e.id(), t);
            } catch (Refusal refused) {
                problem.setText(refused.in(locale(host)));
                return;
            }
            dialog.close();
            Notification.show(host.getTranslation("escalation.moved", e.id(), host.getTranslation("escalation.status." + to.name())));
            done.run();
        });
        ok.setId("escalation-move-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(host.getTranslation("action.cancel"), c -> dialog.close()), ok);
        dialog.open();
    }

    /** The language of the page the host is on (Component#getLocale is not open to others). */
    private static Locale locale(Component host) {
        return host.getUI().map(UI::getLocale).orElseGet(() -> UI.getCurrent() == null ? Locale.CANADA_FRENCH : UI.getCurrent().getLocale());
    }

    private static String titleOf(Escalation e) {
        String text = e.ask() != null ? e.ask() : e.reason();
        return text.length() <= 300 ? text : text.substring(0, 299) + "…";
    }

    /** Who moved it, when, from which status to which, with what text. */
    static void thread(Component host, EscalationService escalations, Caller caller, Escalation e, Map<Long, String> rooms) {
        Formats f = new Formats(locale(host));
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(host.getTranslation("escalation.thread.title", e.id(), rooms.getOrDefault(e.fromRoom(), ""),
                rooms.getOrDefault(e.toRoom(), "")));
        dialog.setWidth("40rem");
        UnorderedList steps = new UnorderedList();
        steps.setId("escalation-thread");
        for (EscalationEvent s : escalations.thread(caller, e.id())) {
            String status = host.getTranslation("escalation.status." + s.to().name());
            ListItem item = new ListItem(host.getTranslation(s.from() == null ? "escalation.thread.sent" : "escalation.thread.step",
                    f.dateTime(s.at()), s.by(), status) + (s.text() == null ? "" : " — " + s.text()));
            item.addClassName("escalation-step");
            steps.add(item);
        }
        dialog.add(steps);
        dialog.getFooter().add(new Button(host.getTranslation("escalation.thread.close"), c -> dialog.close()));
        dialog.open();
    }

    /** The answer date as a screen shows it, marked when it passed without an answer. */
    static String answerBy(Component host, Escalation e, LocalDate today) {
        String day = new Formats(locale(host)).day(e.answerBy());
        return e.overdue(today) ? "⚠ " + host.getTranslation("escalation.overdue", day) : day;
    }
}
