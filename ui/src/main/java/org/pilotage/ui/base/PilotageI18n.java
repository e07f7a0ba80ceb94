package org.pilotage.ui.base;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import com.vaadin.flow.i18n.I18NProvider;
import org.springframework.stereotype.Component;

/** French first, English too: {@code vaadin-i18n/translations[_en].properties}. */
@Component
public class PilotageI18n implements I18NProvider {

    public static final Locale FRENCH = Locale.CANADA_FRENCH;
    public static final Locale ENGLISH = Locale.CANADA;
    private static final String BUNDLE = "vaadin-i18n/translations";

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(FRENCH, ENGLISH);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale effective = locale != null && "en".equals(locale.getLanguage()) ? ENGLISH : FRENCH;
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, effective,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
            // Every value is a MessageFormat pattern (a quote is written ''), with or without parameters.
            return new MessageFormat(pattern, effective).format(params);
        } catch (MissingResourceException e) {
            return "!" + key;
        }
    }
}
