package org.pilotage.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import org.pilotage.analytics.text.Messages;
import org.pilotage.ingestion.IngestionConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** Pilotage: steering-room dashboards of the perceived effects of practices. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(IngestionConfiguration.class)
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
@Push
public class PilotageApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(PilotageApplication.class, args);
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addMetaTag("description", Messages.get("app.description", Messages.FRENCH));
    }
}
