package org.pilotage.ui.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.RouterLink;
import org.pilotage.ui.dashboard.DashboardView;
import org.pilotage.ui.ingestion.IngestionView;
import org.pilotage.ui.rooms.RoomsView;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/** The frame of every page after login: name of the service, language switch, user and logout. */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext auth) {
        Span title = new Span(getTranslation("app.title"));
        title.addClassName("pilotage-brand");

        boolean english = "en".equals(UI.getCurrent().getLocale().getLanguage());
        Button language = new Button(getTranslation("app.switch-language"),
                e -> LocaleSetup.switchTo(UI.getCurrent(), english ? PilotageI18n.FRENCH : PilotageI18n.ENGLISH));
        language.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        language.setId("language-switch");

        Span user = new Span(auth.getPrincipalName().orElse(""));
        user.addClassName("pilotage-user");
        Button logout = new Button(getTranslation("app.logout"), e -> auth.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");

        HorizontalLayout nav = new HorizontalLayout();
        nav.addClassName("pilotage-nav");
        if (auth.hasAnyRole("MANAGER", "EXECUTIVE", "ADMIN")) {
            RouterLink rooms = new RouterLink(getTranslation("nav.rooms"), RoomsView.class);
            rooms.setId("nav-rooms");
            nav.add(rooms, new RouterLink(getTranslation("nav.dashboard"), DashboardView.class));
        }
        if (auth.hasAnyRole("STEWARD", "ADMIN")) {
            RouterLink ingestion = new RouterLink(getTranslation("nav.ingestion"), IngestionView.class);
            ingestion.setId("nav-ingestion");
            nav.add(ingestion);
        }

        if (auth.hasRole("ADMIN")) {
            RouterLink audit = new RouterLink(getTranslation("nav.audit"), org.pilotage.ui.admin.AuditView.class);
            audit.setId("nav-audit");
            RouterLink users = new RouterLink(getTranslation("nav.users"), org.pilotage.ui.admin.UsersView.class);
            users.setId("nav-users");
            nav.add(users, audit);
        }

        HorizontalLayout bar = new HorizontalLayout(title, nav, language, user, logout);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(title);
        bar.addClassName("pilotage-bar");
        addToNavbar(bar);
        setPrimarySection(Section.NAVBAR);
        setDrawerOpened(false);
    }
}
