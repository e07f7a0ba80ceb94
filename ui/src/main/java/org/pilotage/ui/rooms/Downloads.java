package org.pilotage.ui.rooms;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.function.Function;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.dashboard.RoomChart;
import org.pilotage.analytics.rooms.RoomFilters;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.snapshot.ExportFormat;
import org.pilotage.analytics.snapshot.Snapshot;
import org.pilotage.analytics.snapshot.SnapshotService;

/**
 * A chart's download menu (PNG, SVG, PDF, and its data as CSV, XLSX, Arrow) and the room report link.
 * The snapshots feature decides who may download and records each download.
 */
final class Downloads {

    private Downloads() {
    }

    static Details chartMenu(SnapshotService snapshots, Caller caller, SteeringRoom room, RoomChart chart, RoomFilters filters,
                             Locale locale) {
        Div links = new Div();
        links.addClassName("download-links");
        for (ExportFormat format : ExportFormat.values()) {
            Anchor a = link(caller, who -> snapshots.download(who, room, chart, filters, locale, format),
                    format.image() ? format.name() : links.getTranslation("download.data", format == ExportFormat.ARROW ? "Arrow" : format.name()));
            a.addClassNames("download", "download-" + format.extension());
            links.add(a);
        }
        Details menu = new Details(links.getTranslation("download.menu"), links);
        menu.addClassNames("download-menu", "download-menu-" + chart.id());
        return menu;
    }

    static Anchor report(SnapshotService snapshots, Caller caller, SteeringRoom room, RoomFilters filters, Locale locale, String text) {
        Anchor a = link(caller, who -> snapshots.downloadReport(who, room, filters, locale), text);
        a.setId("report-download");
        a.addClassName("download");
        return a;
    }

    private static Anchor link(Caller caller, Function<Caller, Snapshot> make, String text) {
        return new Anchor(DownloadHandler.fromInputStream(event -> {
            Snapshot s = make.apply(caller.at(event.getRequest().getRemoteAddr()));
            return new DownloadResponse(new ByteArrayInputStream(s.bytes()), s.fileName(), s.contentType(), s.bytes().length);
        }), AttachmentType.DOWNLOAD, text);
    }
}
