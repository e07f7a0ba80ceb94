package org.pilotage.ui.rooms;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.reference.ReferenceService;
import org.pilotage.analytics.rooms.RoomService;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.text.Refusal;
import org.pilotage.ui.base.MenuRoles;
import org.pilotage.ui.ingestion.IngestionView;
import org.pilotage.ui.security.CurrentCaller;

/** The home page: the steering rooms by level; admins create, edit and delete them here. */
@Route("")
@Menu(title = "nav.rooms", order = 1)
@MenuRoles({"MANAGER", "EXECUTIVE", "ADMIN"})
@PermitAll
public class RoomsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final RoomService rooms;
    private final ReferenceService reference;
    private final Caller caller;
    private final Div list = new Div();

    public RoomsView(RoomService rooms, ReferenceService reference, CurrentCaller caller) {
        this.rooms = rooms;
        this.reference = reference;
        this.caller = caller.get();
        addClassName("pilotage-rooms");
        list.addClassName("room-list");
        add(new H1(getTranslation("rooms.title")), new Paragraph(getTranslation("rooms.intro")));
        if (RoomService.mayEdit(this.caller)) {
            Button create = new Button(getTranslation("room.new"), e -> edit(null));
            create.setId("room-new");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(create);
        }
        add(list);
        render();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // A data steward's home is the loading screen: dashboards are for managers, executives and admins.
        if (!RoomService.mayView(caller) && caller.has(Role.STEWARD)) {
            event.forwardTo(IngestionView.class);
        }
    }

    private void render() {
        list.removeAll();
        List<SteeringRoom> all = rooms.visible(caller);
        if (all.isEmpty()) {
            list.add(new Paragraph(getTranslation("rooms.none")));
        }
        String level = null;
        for (SteeringRoom room : all) {
            if (!room.level().code().equals(level)) {
                level = room.level().code();
                list.add(new H2(getTranslation("room.level." + level)));
            }
            Div card = new Div();
            card.addClassNames("room-card", "room-level-" + level);
            card.getElement().setAttribute("data-room", String.valueOf(room.id()));
            RouterLink open = new RouterLink(room.name(), RoomView.class, new RouteParameters("id", String.valueOf(room.id())));
            open.addClassName("room-card-name");
            Span scope = new Span(RoomView.scope(room, this::getTranslation));
            scope.addClassName("room-card-scope");
            Span content = new Span(getTranslation("rooms.content", room.indicators().size(), room.categories().size()));
            content.addClassName("room-card-content");
            RouterLink tv = new RouterLink(getTranslation("room.tv"), WallScreenView.class, new RouteParameters("id", String.valueOf(room.id())));
            tv.addClassName("room-card-tv");
            card.add(open, scope, content, tv);
            if (RoomService.mayEdit(caller)) {
                Button edit = new Button(getTranslation("room.edit"), e -> edit(room));
                edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                edit.addClassName("room-edit");
                Button delete = new Button(getTranslation("room.delete"), e -> confirmDelete(room));
                delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                delete.addClassName("room-delete");
                card.add(edit, delete);
            }
            list.add(card);
        }
    }

    private void edit(SteeringRoom room) {
        new RoomEditor(room, reference.establishments(caller), reference.indicators(),
                (level, establishment, directions) -> rooms.possibleParents(caller, level, establishment, directions), getLocale(), draft -> {
            if (room == null) {
                rooms.create(caller, draft);
            } else {
                rooms.update(caller, room.id(), draft);
            }
            Notification.show(getTranslation("room.saved", draft.name()));
            render();
        }).open();
    }

    private void confirmDelete(SteeringRoom room) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("room.delete.title"), getTranslation("room.delete.text", room.name()),
                getTranslation("room.delete"), e -> {
                    try {
                        rooms.delete(caller, room.id());
                        Notification.show(getTranslation("room.deleted", room.name()));
                    } catch (Refusal refused) {
                        Notification.show(refused.in(getLocale()));
                    }
                    render();
                });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("rooms.page-title");
    }
}
