package org.pilotage.ui.base;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.i18n.I18NProvider;
import org.pilotage.analytics.text.Messages;
import org.springframework.stereotype.Component;

/** The views' words come from the same message bundles as every other sentence of Pilotage ({@link Messages}). */
@Component
public class PilotageI18n implements I18NProvider {

    public static final Locale FRENCH = Messages.FRENCH;
    public static final Locale ENGLISH = Messages.ENGLISH;

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(FRENCH, ENGLISH);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return Messages.get(key, locale, params);
    }
}
