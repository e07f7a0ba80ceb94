package org.pilotage.ui.base;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.stereotype.Component;

/** Every UI starts in French whatever the browser says, unless the user switched to English in this session. */
@Component
public class LocaleSetup implements VaadinServiceInitListener {

    static final String SESSION_KEY = "pilotage.locale";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> e.getUI().setLocale(current(e.getUI().getSession())));
    }

    public static Locale current(VaadinSession session) {
        Object chosen = session == null ? null : session.getAttribute(SESSION_KEY);
        return chosen instanceof Locale l ? l : PilotageI18n.FRENCH;
    }

    public static void switchTo(UI ui, Locale locale) {
        ui.getSession().setAttribute(SESSION_KEY, locale);
        ui.setLocale(locale);
        ui.getPage().reload();
    }
}
