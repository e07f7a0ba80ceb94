package org.pilotage.ui.rooms;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.function.Supplier;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.pilotage.analytics.rooms.RoomChart;
import org.pilotage.analytics.rooms.RoomFilters;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.snapshot.ExportFormat;
import org.pilotage.analytics.snapshot.Snapshot;
import org.pilotage.analytics.snapshot.SnapshotService;

/** A chart's download menu (PNG, SVG, PDF, and its data as CSV, XLSX, Arrow) and the room report link; each download is recorded. */
final class Downloads {

    private Downloads() {
    }

    static Details chartMenu(SnapshotService snapshots, SteeringRoom room, RoomChart chart, RoomFilters filters, Locale locale,
                             String user) {
        Div links = new Div();
        links.addClassName("download-links");
        for (ExportFormat format : ExportFormat.values()) {
            Anchor a = link(snapshots, room, chart.id() + "." + format.extension(),
                    () -> snapshots.chart(room, chart, filters, locale, format, user), user,
                    format.image() ? format.name() : links.getTranslation("download.data", format == ExportFormat.ARROW ? "Arrow" : format.name()));
            a.addClassNames("download", "download-" + format.extension());
            links.add(a);
        }
        Details menu = new Details(links.getTranslation("download.menu"), links);
        menu.addClassNames("download-menu", "download-menu-" + chart.id());
        return menu;
    }

    static Anchor report(SnapshotService snapshots, SteeringRoom room, RoomFilters filters, Locale locale, String user, String text) {
        Anchor a = link(snapshots, room, "report.pdf", () -> snapshots.report(room, filters, locale, user), user, text);
        a.setId("report-download");
        a.addClassName("download");
        return a;
    }

    private static Anchor link(SnapshotService snapshots, SteeringRoom room, String what, Supplier<Snapshot> make, String user, String text) {
        return new Anchor(DownloadHandler.fromInputStream(event -> {
            Snapshot s = make.get();
            snapshots.recordDownload(user, room, what, s, event.getRequest().getRemoteAddr());
            return new DownloadResponse(new ByteArrayInputStream(s.bytes()), s.fileName(), s.contentType(), s.bytes().length);
        }), AttachmentType.DOWNLOAD, text);
    }
}
