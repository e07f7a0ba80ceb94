package org.pilotage.ui.rooms;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** Chooses an ordered list of items: pick one to add it, move it up or down, remove it. */
class OrderedPicker<T> extends Div {

    private final ComboBox<T> add = new ComboBox<>();
    private final Div list = new Div();
    private final List<T> chosen = new ArrayList<>();
    private final Function<T, String> label;
    private Collection<T> items = List.of();

    OrderedPicker(String caption, Function<T, String> label) {
        this.label = label;
        addClassName("ordered-picker");
        add.setLabel(caption);
        add.setPlaceholder(getTranslation("picker.add"));
        add.setItemLabelGenerator(label::apply);
        add.setWidthFull();
        add.addValueChangeListener(e -> {
            if (e.getValue() != null && e.isFromClient()) {
                chosen.add(e.getValue());
                add.clear();
                render();
            }
        });
        list.addClassName("ordered-picker-list");
        add(add, list);
    }

    void setItems(Collection<T> items) {
        this.items = List.copyOf(items);
        chosen.retainAll(this.items);
        render();
    }

    void setValue(List<T> value) {
        chosen.clear();
        chosen.addAll(value);
        render();
    }

    List<T> getValue() {
        return List.copyOf(chosen);
    }

    ComboBox<T> adder() {
        return add;
    }

    private void render() {
        add.setItems(items.stream().filter(i -> !chosen.contains(i)).toList());
        list.removeAll();
        for (int i = 0; i < chosen.size(); i++) {
            int at = i;
            T item = chosen.get(i);
            Span name = new Span((i + 1) + ". " + label.apply(item));
            Button up = small("↑", getTranslation("picker.up"), () -> move(at, -1));
            up.setEnabled(i > 0);
            Button down = small("↓", getTranslation("picker.down"), () -> move(at, 1));
            down.setEnabled(i < chosen.size() - 1);
            Button remove = small("✕", getTranslation("picker.remove"), () -> {
                chosen.remove(at);
                render();
            });
            HorizontalLayout row = new HorizontalLayout(name, up, down, remove);
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            row.expand(name);
            row.addClassName("ordered-picker-row");
            list.add(row);
        }
    }

    private void move(int at, int by) {
        T item = chosen.remove(at);
        chosen.add(at + by, item);
        render();
    }

    private static Button small(String text, String title, Runnable action) {
        Button b = new Button(text, e -> action.run());
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        b.getElement().setAttribute("title", title);
        b.getElement().setAttribute("aria-label", title);
        return b;
    }
}
