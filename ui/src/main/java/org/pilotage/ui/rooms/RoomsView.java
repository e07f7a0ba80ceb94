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
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.pilotage.analytics.catalogue.CatalogueRepository;
import org.pilotage.analytics.reference.ReferenceRepository;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.rooms.SteeringRoomRepository;
import org.pilotage.ui.ingestion.IngestionView;
import org.pilotage.ui.security.AuditTrail;

/** The home page: the steering rooms by level; admins create, edit and delete them here. */
@Route("")
@PermitAll
public class RoomsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final SteeringRoomRepository rooms;
    private final ReferenceRepository reference;
    private final CatalogueRepository catalogue;
    private final AuthenticationContext auth;
    private final AuditTrail audit;
    private final org.pilotage.ui.security.EstablishmentScope scope;
    private final Div list = new Div();

    public RoomsView(SteeringRoomRepository rooms, ReferenceRepository reference, CatalogueRepository catalogue,
                     AuthenticationContext auth, AuditTrail audit, org.pilotage.ui.security.EstablishmentScope scope) {
        this.audit = audit;
        this.scope = scope;
        this.rooms = rooms;
        this.reference = reference;
        this.catalogue = catalogue;
        this.auth = auth;
        addClassName("pilotage-rooms");
        list.addClassName("room-list");
        add(new H1(getTranslation("rooms.title")), new Paragraph(getTranslation("rooms.intro")));
        if (auth.hasRole("ADMIN")) {
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
        if (!RoomAccess.mayView(auth) && auth.hasRole("STEWARD")) {
            event.forwardTo(IngestionView.class);
        }
    }

    private void render() {
        list.removeAll();
        var mine = scope.current();
        List<SteeringRoom> all = rooms.findAll().stream().filter(r -> mine.allows(r.establishment())).toList();
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
            if (auth.hasRole("ADMIN")) {
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
        String user = auth.getPrincipalName().orElse("?");
        var mine = scope.current();
        new RoomEditor(room, reference.establishments().stream().filter(e -> mine.allows(e.code())).toList(),
                catalogue.findAll(), getLocale(), draft -> {
            if (room == null) {
                long id = rooms.create(draft, user);
                audit.record("room-created", "room " + id, draft.toString());
            } else {
                rooms.update(room.id(), draft);
                audit.record("room-changed", "room " + room.id(), draft.toString());
            }
            Notification.show(getTranslation("room.saved", draft.name()));
            render();
        }).open();
    }

    private void confirmDelete(SteeringRoom room) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("room.delete.title"), getTranslation("room.delete.text", room.name()),
                getTranslation("room.delete"), e -> {
                    rooms.delete(room.id());
                    audit.record("room-deleted", "room " + room.id(), room.name());
                    Notification.show(getTranslation("room.deleted", room.name()));
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
