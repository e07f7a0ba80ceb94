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
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * The frame of every page after login: name of the service, the menu, language switch, user and logout.
 * The menu lists the views that declare themselves with {@code @Menu} (their title is a message key) and
 * that the user may open (and, for a view that says so with {@link MenuRoles}, is meant for); the layout
 * knows no view.
 */
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
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            MenuRoles shownTo = entry.menuClass().getAnnotation(MenuRoles.class);
            if (shownTo != null && !auth.hasAnyRole(shownTo.value())) {
                continue;
            }
            RouterLink link = new RouterLink(getTranslation(entry.title()), entry.menuClass());
            link.setId("nav-" + entry.title().substring(entry.title().lastIndexOf('.') + 1));
            nav.add(link);
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
