package org.pilotage.ui.rooms;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.rooms.ReportingPeriod;
import org.pilotage.analytics.rooms.RoomFilters;
import org.pilotage.analytics.rooms.RoomService;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.ui.base.Formats;

/**
 * What a room is looked at for: the kind of period, its last month, a direction of the room's scope and
 * a project. Changes are told to one listener; the values are set without telling it.
 */
class FilterBar extends HorizontalLayout {

    /** The months offered back from the last complete one. */
    static final int MONTHS_OFFERED = 36;

    private final Select<ReportingPeriod.Kind> kind = new Select<>();
    private final ComboBox<YearMonth> month = new ComboBox<>();
    private final Select<String> direction = new Select<>();
    private final ComboBox<String> project = new ComboBox<>();
    private boolean setting;
    private Runnable listener = () -> { };

    FilterBar() {
        setAlignItems(FlexComponent.Alignment.BASELINE);
        addClassName("pilotage-filters");
        setWrap(true);
        kind.setId("period-kind");
        kind.setItems(ReportingPeriod.Kind.values());
        month.setId("period");
        month.setWidth("13rem");
        direction.setId("direction");
        project.setId("project");
        project.setClearButtonVisible(true);
        add(kind, month, direction, project);
        kind.addValueChangeListener(e -> changed());
        month.addValueChangeListener(e -> changed());
        direction.addValueChangeListener(e -> changed());
        project.addValueChangeListener(e -> changed());
    }

    void onChange(Runnable listener) {
        this.listener = listener;
    }

    private void changed() {
        if (!setting) {
            listener.run();
        }
    }

    /** Shows a room's choices and the filters it is looked at for. */
    void show(RoomService rooms, Caller caller, SteeringRoom room, RoomFilters filters) {
        setting = true;
        try {
            Formats f = new Formats(getLocale());
            kind.setLabel(getTranslation("room.period-kind"));
            kind.setItemLabelGenerator(k -> getTranslation("period." + k.code()));
            kind.setValue(filters.period().kind());

            month.setLabel(getTranslation("room.period"));
            YearMonth last = rooms.lastCompleteMonth();
            List<YearMonth> months = new ArrayList<>();
            for (int i = 0; i < MONTHS_OFFERED; i++) {
                months.add(last.minusMonths(i));
            }
            if (!months.contains(filters.period().end())) {
                months.addFirst(filters.period().end());
            }
            month.setItems(months);
            month.setItemLabelGenerator(f::month);
            month.setValue(filters.period().end());

            List<String> scope = rooms.directions(caller, room);
            direction.setLabel(getTranslation("room.direction"));
            List<String> items = new ArrayList<>();
            items.add("");
            items.addAll(scope);
            direction.setItems(items);
            direction.setItemLabelGenerator(d -> d.isEmpty() ? getTranslation("room.direction.all") : d);
            direction.setValue(filters.direction() != null && scope.contains(filters.direction()) ? filters.direction() : "");

            project.setLabel(getTranslation("room.project"));
            project.setItems(rooms.projects(caller, room));
            project.setPlaceholder(getTranslation("room.project.none"));
            project.setValue(filters.project());
        } finally {
            setting = false;
        }
    }

    /** The filters chosen, with the indicator a room compares its directions on. */
    RoomFilters filters(YearMonth fallback, String compared) {
        YearMonth end = month.getValue() == null ? fallback : month.getValue();
        String d = direction.getValue() == null || direction.getValue().isEmpty() ? null : direction.getValue();
        return new RoomFilters(new ReportingPeriod(kind.getValue(), end), d, project.getValue(), compared, RoomFilters.DEFAULT_MONTHS);
    }
}
