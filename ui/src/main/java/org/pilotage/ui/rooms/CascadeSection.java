package org.pilotage.ui.rooms;

import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.cascade.CascadeService;
import org.pilotage.analytics.cascade.RoomNode;
import org.pilotage.analytics.rooms.RoomLevel;
import org.pilotage.analytics.rooms.RoomService;
import org.pilotage.analytics.rooms.SteeringRoom;

/**
 * A room's place in its cascade: the path up to the top (a line under the room's name) and the rooms
 * below it, each with its status at a glance (indicators red, amber and green for the last complete
 * month, late actions, open escalations) and a link down. A strategic room shows its whole tree.
 */
final class CascadeSection {

    private CascadeSection() {
    }

    /** «Salle stratégique › Salle tactique › cette salle», each a link; null for a room at the top of no cascade. */
    static Nav path(RoomService rooms, Caller caller, SteeringRoom room) {
        List<SteeringRoom> up = rooms.path(caller, room);
        if (up.isEmpty()) {
            return null;
        }
        Nav nav = new Nav();
        nav.setId("cascade-path");
        nav.addClassName("cascade-path");
        nav.getElement().setAttribute("aria-label", nav.getTranslation("cascade.path"));
        for (int i = up.size() - 1; i >= 0; i--) {
            SteeringRoom r = up.get(i);
            RouterLink link = new RouterLink(r.name(), RoomView.class, new RouteParameters("id", String.valueOf(r.id())));
            link.addClassName("cascade-path-room");
            nav.add(link, new Span(" › "));
        }
        Span here = new Span(room.name());
        here.addClassName("cascade-path-here");
        nav.add(here);
        return nav;
    }

    /** The rooms below: the children, or the whole tree for a strategic room; null when there are none. */
    static Section below(CascadeService cascade, Caller caller, SteeringRoom room) {
        List<RoomNode> tree = cascade.tree(caller, room);
        if (room.level() != RoomLevel.STRATEGIC) {
            tree = tree.stream().filter(n -> n.depth() == 1).toList();
        }
        if (tree.isEmpty()) {
            return null;
        }
        Section section = new Section();
        section.setId("section-cascade");
        section.addClassName("effect-section");
        section.add(new H2(section.getTranslation(room.level() == RoomLevel.STRATEGIC ? "cascade.tree" : "cascade.children")));
        Div list = new Div();
        list.addClassName("cascade-tree");
        for (RoomNode n : tree) {
            Div line = new Div();
            line.addClassNames("cascade-room", "room-level-" + n.room().level().code());
            line.getElement().setAttribute("data-room", String.valueOf(n.room().id()));
            line.getElement().getStyle().set("margin-left", (n.depth() - 1) * 2 + "rem");
            RouterLink link = new RouterLink(n.room().name(), RoomView.class, new RouteParameters("id", String.valueOf(n.room().id())));
            link.addClassName("cascade-room-name");
            line.add(link, count(section, "red", "✖", n.red()), count(section, "amber", "▲", n.amber()),
                    count(section, "green", "✔", n.green()), count(section, "late", "⚠", n.lateActions()),
                    count(section, "escalations", "↑", n.openEscalations()));
            list.add(line);
        }
        section.add(list);
        return section;
    }

    private static Span count(Section host, String what, String icon, int n) {
        Span s = new Span(icon + " " + host.getTranslation("cascade.count." + what, n));
        s.addClassNames("cascade-count", "cascade-" + what);
        s.getElement().setAttribute("data-count", String.valueOf(n));
        if (n > 0 && !"green".equals(what)) {
            s.addClassName("cascade-count-attention");
        }
        return s;
    }
}
