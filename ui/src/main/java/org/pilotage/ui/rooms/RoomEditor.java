package org.pilotage.ui.rooms;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.pilotage.analytics.catalogue.Indicator;
import org.pilotage.analytics.catalogue.ProjectCategory;
import org.pilotage.analytics.reference.Establishment;
import org.pilotage.analytics.rooms.RoomDraft;
import org.pilotage.analytics.rooms.RoomLevel;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.text.Refusal;

/** The admin's form for a room: name, level, scope, its parent room, and the ordered indicators and categories it reviews. */
class RoomEditor extends Dialog {

    /** The rooms a room of a level and scope may have as parent. */
    interface ParentChoices {
        List<SteeringRoom> of(RoomLevel level, String establishment, List<String> directions);
    }

    private final ComboBox<SteeringRoom> parent = new ComboBox<>();

    private final TextField name = new TextField();
    private final Select<RoomLevel> level = new Select<>();
    private final ComboBox<Establishment> establishment = new ComboBox<>();
    private final MultiSelectComboBox<String> directions = new MultiSelectComboBox<>();
    private final OrderedPicker<String> indicators;
    private final OrderedPicker<ProjectCategory> categories;
    private final Paragraph problems = new Paragraph();

    /** Opens on a room (or none, for a new one); {@code save} stores the draft, or refuses it with its problems. */
    RoomEditor(SteeringRoom room, List<Establishment> establishments, List<Indicator> catalogue, ParentChoices parents, Locale locale,
               Consumer<RoomDraft> save) {
        setHeaderTitle(getTranslation(room == null ? "room.new" : "room.edit"));
        setWidth("46rem");
        Map<String, Indicator> byCode = catalogue.stream().collect(Collectors.toMap(Indicator::code, i -> i, (a, b) -> a,
                java.util.LinkedHashMap::new));

        name.setLabel(getTranslation("room.name"));
        name.setId("room-name");
        name.setMaxLength(120);
        name.setRequiredIndicatorVisible(true);
        level.setLabel(getTranslation("room.level"));
        level.setId("room-level");
        level.setItems(RoomLevel.values());
        level.setItemLabelGenerator(l -> getTranslation("room.level." + l.code()));
        establishment.setLabel(getTranslation("room.establishment"));
        establishment.setId("room-establishment");
        establishment.setItems(establishments);
        establishment.setItemLabelGenerator(e -> e.name().equals(e.code()) ? e.code() : e.name() + " (" + e.code() + ")");
        directions.setLabel(getTranslation("room.directions"));
        directions.setId("room-directions");
        directions.setHelperText(getTranslation("room.directions.help"));
        establishment.addValueChangeListener(e -> {
            directions.clear();
            directions.setItems(e.getValue() == null ? List.of() : e.getValue().directions());
        });
        indicators = new OrderedPicker<>(getTranslation("room.indicators"),
                code -> byCode.containsKey(code) ? byCode.get(code).label(locale) + " (" + code + ")" : code);
        indicators.setId("room-indicators");
        indicators.setItems(byCode.keySet());
        categories = new OrderedPicker<>(getTranslation("room.categories"), c -> getTranslation("category." + c.code()));
        categories.setId("room-categories");
        categories.setItems(List.of(ProjectCategory.values()));

        if (room != null) {
            name.setValue(room.name());
            level.setValue(room.level());
            establishments.stream().filter(e -> e.code().equals(room.establishment())).findFirst().ifPresent(establishment::setValue);
            directions.setValue(new java.util.LinkedHashSet<>(room.directions()));
            indicators.setValue(room.indicators());
            categories.setValue(room.categories());
        } else {
            level.setValue(RoomLevel.TACTICAL);
        }

        parent.setLabel(getTranslation("room.parent"));
        parent.setId("room-parent");
        parent.setHelperText(getTranslation("room.parent.help"));
        parent.setItemLabelGenerator(SteeringRoom::name);
        parent.setClearButtonVisible(true);
        Runnable offerParents = () -> {
            SteeringRoom kept = parent.getValue();
            List<SteeringRoom> choices = level.getValue() == null || establishment.getValue() == null ? List.of()
                    : parents.of(level.getValue(), establishment.getValue().code(), directions.getValue().stream().sorted().toList())
                    .stream().filter(p -> room == null || p.id() != room.id()).toList();
            parent.setItems(choices);
            parent.setValue(kept != null && choices.stream().anyMatch(c -> c.id() == kept.id())
                    ? choices.stream().filter(c -> c.id() == kept.id()).findFirst().orElse(null) : null);
        };
        level.addValueChangeListener(e -> offerParents.run());
        establishment.addValueChangeListener(e -> offerParents.run());
        directions.addValueChangeListener(e -> offerParents.run());
        offerParents.run();
        if (room != null && room.parentId() != null) {
            parents.of(room.level(), room.establishment(), room.directions()).stream().filter(p -> p.id() == room.parentId())
                    .findFirst().ifPresent(p -> {
                        parent.setItems(parents.of(room.level(), room.establishment(), room.directions()));
                        parent.setValue(p);
                    });
        }

        FormLayout form = new FormLayout(name, level, establishment, directions, parent);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        problems.addClassName("form-problems");
        add(form, indicators, categories, problems);

        Button ok = new Button(getTranslation("room.save"), e -> {
            RoomDraft draft = new RoomDraft(name.getValue(), level.getValue(),
                    establishment.getValue() == null ? null : establishment.getValue().code(),
                    directions.getValue().stream().sorted().toList(), indicators.getValue(), categories.getValue(),
                    parent.getValue() == null ? null : parent.getValue().id());
            try {
                save.accept(draft);
            } catch (Refusal refused) {
                problems.setText(refused.in(locale));
                return;
            }
            close();
        });
        ok.setId("room-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, ok);
    }
}
