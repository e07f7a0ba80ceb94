package org.pilotage.ui.admin;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.reference.Establishment;
import org.pilotage.analytics.reference.ReferenceService;
import org.pilotage.analytics.text.Refusal;
import org.pilotage.analytics.users.Account;
import org.pilotage.analytics.users.PasswordPolicy;
import org.pilotage.analytics.users.UserService;
import org.pilotage.ui.security.CurrentCaller;

/** Admins manage users: create, change roles and establishments, disable or enable, reset a password. */
@Route("admin/users")
@Menu(title = "nav.users", order = 4)
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout implements HasDynamicTitle {

    private final UserService users;
    private final ReferenceService reference;
    private final Caller caller;
    private final Grid<Account> grid = new Grid<>();

    public UsersView(UserService users, ReferenceService reference, CurrentCaller caller) {
        this.users = users;
        this.reference = reference;
        this.caller = caller.get();
        addClassName("pilotage-users");
        setWidthFull();
        grid.setId("users");
        grid.addColumn(Account::username).setHeader(getTranslation("users.col.username")).setAutoWidth(true);
        grid.addColumn(Account::displayName).setHeader(getTranslation("users.col.name")).setFlexGrow(1);
        grid.addColumn(a -> a.roles().stream().map(r -> getTranslation("role." + r.code())).collect(Collectors.joining(", ")))
                .setHeader(getTranslation("users.col.roles")).setFlexGrow(1);
        grid.addColumn(a -> a.establishments().isEmpty() ? getTranslation("users.all-establishments") : String.join(", ", a.establishments()))
                .setHeader(getTranslation("users.col.establishments")).setFlexGrow(1);
        grid.addColumn(a -> getTranslation(a.enabled() ? "users.enabled" : "users.disabled")).setHeader(getTranslation("users.col.status"));
        grid.addComponentColumn(this::actions).setHeader(getTranslation("users.col.actions")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        Button create = new Button(getTranslation("users.new"), e -> edit(null));
        create.setId("user-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H1(getTranslation("users.title")), new Paragraph(getTranslation("users.intro", PasswordPolicy.MIN_LENGTH)), create, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(users.list(caller));
    }

    private HorizontalLayout actions(Account a) {
        Button edit = small(getTranslation("users.edit"), () -> edit(a));
        Button toggle = small(getTranslation(a.enabled() ? "users.disable" : "users.enable"), () -> {
            try {
                users.setEnabled(caller, a.username(), !a.enabled());
            } catch (Refusal refused) {
                Notification.show(refused.in(getLocale()));
            }
            refresh();
        });
        toggle.setEnabled(!a.username().equals(caller.username())); // nobody locks themselves out
        toggle.setId("user-toggle-" + a.username());
        Button reset = small(getTranslation("users.reset"), () -> password(a));
        return new HorizontalLayout(edit, toggle, reset);
    }

    private static Button small(String text, Runnable action) {
        Button b = new Button(text, e -> action.run());
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return b;
    }

    private void edit(Account account) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(account == null ? "users.new" : "users.edit"));
        TextField username = new TextField(getTranslation("users.col.username"));
        username.setId("user-username");
        username.setPattern("[a-z0-9._-]{2,40}");
        TextField name = new TextField(getTranslation("users.col.name"));
        name.setId("user-name");
        CheckboxGroup<Role> roles = new CheckboxGroup<>(getTranslation("users.col.roles"));
        roles.setId("user-roles");
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> getTranslation("role." + r.code()));
        MultiSelectComboBox<String> establishments = new MultiSelectComboBox<>(getTranslation("users.col.establishments"));
        establishments.setItems(reference.establishments(caller).stream().map(Establishment::code).toList());
        establishments.setHelperText(getTranslation("users.establishments.help"));
        PasswordField password = new PasswordField(getTranslation("users.password"));
        password.setId("user-password");
        Paragraph problems = new Paragraph();
        problems.addClassName("form-problems");
        FormLayout form = new FormLayout(username, name, roles, establishments);
        if (account == null) {
            form.add(password);
        } else {
            username.setValue(account.username());
            username.setReadOnly(true);
            name.setValue(account.displayName() == null ? "" : account.displayName());
            roles.setValue(account.roles());
            establishments.setValue(account.establishments());
        }
        dialog.add(form, problems);
        Button save = new Button(getTranslation("users.save"), e -> {
            String user = username.getValue().strip();
            Set<Role> chosen = roles.getValue().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles.getValue());
            Set<String> scope = new LinkedHashSet<>(establishments.getValue());
            try {
                if (account == null) {
                    users.create(caller, user, name.getValue(), chosen, scope, password.getValue());
                } else {
                    users.update(caller, user, name.getValue(), chosen, scope);
                }
            } catch (Refusal refused) {
                problems.setText(refused.in(getLocale()));
                return;
            }
            dialog.close();
            Notification.show(getTranslation("users.saved", user));
            refresh();
        });
        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void password(Account account) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("users.reset.title", account.username()));
        PasswordField password = new PasswordField(getTranslation("users.password"));
        Paragraph problems = new Paragraph();
        problems.addClassName("form-problems");
        dialog.add(password, problems);
        Button save = new Button(getTranslation("users.save"), e -> {
            try {
                users.resetPassword(caller, account.username(), password.getValue());
            } catch (Refusal refused) {
                problems.setText(refused.in(getLocale()));
                return;
            }
            dialog.close();
            Notification.show(getTranslation("users.reset.done", account.username()));
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.title") + " — Pilotage";
    }
}
