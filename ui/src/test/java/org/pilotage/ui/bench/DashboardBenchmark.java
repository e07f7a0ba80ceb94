package org.pilotage.ui.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.actions.ActionRepository.ActionDraft;
import org.pilotage.analytics.actions.ActionService;
import org.pilotage.analytics.actions.ActionStatus;
import org.pilotage.analytics.cascade.CascadeService;
import org.pilotage.analytics.catalogue.ProjectCategory;
import org.pilotage.analytics.dashboard.RoomChart;
import org.pilotage.analytics.dashboard.RoomDashboardService;
import org.pilotage.analytics.escalations.EscalationDraft;
import org.pilotage.analytics.escalations.EscalationService;
import org.pilotage.analytics.meetings.MeetingService;
import org.pilotage.analytics.rooms.ReportingPeriod;
import org.pilotage.analytics.rooms.RoomDraft;
import org.pilotage.analytics.rooms.RoomFilters;
import org.pilotage.analytics.rooms.RoomLevel;
import org.pilotage.analytics.rooms.RoomService;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.rooms.SteeringRoomRepository;
import org.pilotage.analytics.snapshot.ExportFormat;
import org.pilotage.analytics.snapshot.SnapshotService;
import org.pilotage.analytics.store.DataVersion;
import org.pilotage.analytics.store.DuckDbStore;
import org.pilotage.analytics.store.SqlQueries;
import org.pilotage.ui.PilotageApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Dashboard benchmark (run through bench/dashboard.sh): N generated measure rows (default 10 M) in
 * the store, then, warm, in one run:
 * (1) the server-side time to compute and render a whole room (every tile and chart, cache emptied
 *     each time) against the bare time of the same DuckDB queries run directly;
 * (2) 50 concurrent viewers on loopback asking for chart PNGs of several rooms and filters, with a
 *     publication of one establishment (its data version change) every 10 s, and the p50/p95/max per chart request;
 * (3) a strategic room's cascade of 10 tactical and 100 operational rooms: its tree with every room's
 *     status counts, late actions and open escalations against the bare time of its statements.
 */
public final class DashboardBenchmark {

    private static final String PASSWORD = "benchmark-admin";

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // HttpURLConnection keeps 5 idle connections per server unless told otherwise: one per viewer (read once, at first use).
        System.setProperty("http.maxConnections", "200");
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000L;
        Path work = Path.of(args.length > 1 ? args[1] : "target/bench").toAbsolutePath();
        int viewers = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        Path data = work.resolve("dashboard");
        Bench.deleteTree(data);
        Files.createDirectories(data);

        ConfigurableApplicationContext app = new SpringApplicationBuilder(PilotageApplication.class).run(
                "--pilotage.data-dir=" + data, "--server.port=0", "--pilotage.admin-password=" + PASSWORD,
                "--logging.level.root=WARN", "--logging.level.org.pilotage=WARN",
                // Tomcat's own account of each request (read to response written, in microseconds): the server's share
                // of a viewer's latency, apart from the load's client in this same process.
                "--server.tomcat.accesslog.enabled=true", "--server.tomcat.accesslog.directory=" + data.resolve("access"),
                "--server.tomcat.accesslog.pattern=%D %U", "--server.tomcat.accesslog.buffered=false");
        try {
            DuckDbStore store = app.getBean(DuckDbStore.class);
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            YearMonth last = YearMonth.now().minusMonths(1);
            long t = System.nanoTime();
            generate(store, rows, last);
            System.out.printf(Locale.ROOT, "generated %,d measure rows in %.1f s%n", rows, (System.nanoTime() - t) / 1e9);

            SteeringRoomRepository rooms = app.getBean(SteeringRoomRepository.class);
            RoomDashboardService dashboards = app.getBean(RoomDashboardService.class);
            List<String> indicators = app.getBean(org.pilotage.analytics.catalogue.CatalogueRepository.class).findAll().stream()
                    .map(i -> i.code()).toList();
            List<Long> roomIds = new ArrayList<>();
            for (int e = 0; e < 4; e++) {
                roomIds.add(rooms.create(new RoomDraft("Salle " + e, RoomLevel.TACTICAL, "BENCH-E" + e, List.of(), indicators,
                        List.of(ProjectCategory.values())), "benchmark"));
            }
            SteeringRoom room = rooms.find(roomIds.getFirst()).orElseThrow();
            RoomFilters filters = new RoomFilters(ReportingPeriod.month(last));

            // (1) whole room against its bare queries, warm: enough rounds first for the JIT to have compiled the
            // drawing code (with 5, the room was measured ~20 ms slower than the same work measured later)
            for (int i = 0; i < 60; i++) {
                bare(store, room, filters);
                dashboards.clearCache();
                renderRoom(dashboards, room, filters);
            }
            int runs = 30;
            double[] bare = new double[runs];
            double[] roomMs = new double[runs];
            double[] cached = new double[runs];
            for (int i = 0; i < runs; i++) {
                bare[i] = bare(store, room, filters);
                dashboards.clearCache();
                long s = System.nanoTime();
                renderRoom(dashboards, room, filters);
                roomMs[i] = (System.nanoTime() - s) / 1e6;
                s = System.nanoTime();
                renderRoom(dashboards, room, filters);
                cached[i] = (System.nanoTime() - s) / 1e6;
            }
            double[] boardOnly = new double[runs];
            for (int i = 0; i < runs; i++) {
                dashboards.clearCache();
                boardOnly[i] = time(() -> dashboards.dashboard(room, filters));
            }
            double bareMedian = median(bare);
            double roomMedian = median(roomMs);
            System.out.printf(Locale.ROOT, "room: %d tiles, %d charts over %,d rows of its establishment%n", indicators.size(),
                    dashboards.charts(room).size(), rows / 10);
            System.out.printf(Locale.ROOT, "bare DuckDB queries of a room    median %7.1f ms%n", bareMedian);
            System.out.printf(Locale.ROOT, "room computed and rendered        median %7.1f ms  (ratio %.2f, target <= 1.5)%n",
                    roomMedian, roomMedian / bareMedian);
            System.out.printf(Locale.ROOT, "    of which data read and tiles  median %7.1f ms (the rest: 5 charts drawn as SVG)%n", median(boardOnly));
            // Each of the room's charts built and written as SVG, its data read: where the charts' part goes.
            StringBuilder perChart = new StringBuilder("    each chart built + SVG, median:");
            for (RoomChart c : dashboards.charts(room)) {
                double[] each = new double[runs];
                var size = dashboards.size(room, c);
                for (int i = 0; i < runs; i++) {
                    each[i] = time(() -> org.pilotage.analytics.charts.ChartEncoder.svg(dashboards.chart(room, c, filters, Locale.CANADA_FRENCH),
                            size.width(), size.height()));
                }
                perChart.append(String.format(Locale.ROOT, " %s %.1f ms", c.id(), median(each)));
            }
            System.out.println(perChart);
            double[] boardPart = new double[runs];
            double[] chartsPart = new double[runs];
            for (int i = 0; i < runs; i++) {
                bare(store, room, filters);
                dashboards.clearCache();
                boardPart[i] = time(() -> dashboards.dashboard(room, filters));
                chartsPart[i] = time(() -> dashboards.charts(room).forEach(c -> dashboards.chartSvg(room, c, filters, Locale.CANADA_FRENCH)));
            }
            System.out.printf(Locale.ROOT, "    after the bare statements: board %.1f ms, then its charts one by one %.1f ms%n",
                    median(boardPart), median(chartsPart));
            System.out.printf(Locale.ROOT, "room from the cache               median %7.3f ms%n", median(cached));
            QUERY_TIMES.forEach((query, times) -> System.out.printf(Locale.ROOT, "    %-28s median %6.1f ms%n", query,
                    median(times.stream().mapToDouble(Double::doubleValue).toArray())));

            // PNG and SVG snapshots warm too, as in a service that has drawn charts for a while: the JIT compiles the
            // rasteriser's and the encoder's loops fully only after several hundred images (measured apart, in a loop of
            // the drawing and encoding alone: a PNG after 90 images took 2.7 times, after 430 1.3 times what it took after
            // 1,000). Rounds of 100 until the PNG's median moves by less than 3 % from one round to the next.
            SnapshotService snapshots = app.getBean(SnapshotService.class);
            double previous = Double.MAX_VALUE;
            int warmRounds = 0;
            while (warmRounds < 30) {
                double[] round = new double[100];
                for (int i = 0; i < round.length; i++) {
                    snapshots.clearCache();
                    round[i] = time(() -> snapshots.chart(room, RoomChart.CLIENTELE, filters, Locale.CANADA_FRENCH, ExportFormat.PNG, "benchmark"));
                    snapshots.chart(room, RoomChart.CLIENTELE, filters, Locale.CANADA_FRENCH, ExportFormat.SVG, "benchmark");
                }
                warmRounds++;
                double now = median(round);
                if (Math.abs(previous - now) < 0.03 * now) {
                    break;
                }
                previous = now;
            }
            System.out.printf(Locale.ROOT, "snapshots warmed: %d PNG and SVG (until the PNG's median of 100 moved by less than 3 %%)%n",
                    warmRounds * 100);
            // One chart alone, data already read: drawing and encoding only.
            double[] png = new double[runs];
            double[] svg = new double[runs];
            RoomChart clientele = RoomChart.CLIENTELE;
            for (int i = 0; i < runs; i++) {
                dashboards.clearCache();
                dashboards.dashboard(room, filters);
                long s = System.nanoTime();
                dashboards.chartPng(room, clientele, filters, Locale.CANADA_FRENCH, 2);
                png[i] = (System.nanoTime() - s) / 1e6;
                s = System.nanoTime();
                dashboards.chartSvg(room, clientele, filters, Locale.CANADA_FRENCH);
                svg[i] = (System.nanoTime() - s) / 1e6;
            }
            System.out.printf(Locale.ROOT, "one chart (4 panels, 2200x%d px PNG) median %6.1f ms; as SVG median %6.1f ms%n",
                    2 * dashboards.size(room, clientele).height(), median(png), median(svg));
            // Where a PNG's time goes: drawing the chart into a 2x raster, then encoding it.
            double[] draw = new double[runs];
            double[] encode = new double[runs];
            var size = dashboards.size(room, clientele);
            double[] built = new double[runs];
            // One raster for every run, its background written into it and the chart drawn over it, as ChartEncoder does
            // (a raster allocated per run would time the pages the system gives it).
            var image = new java.awt.image.BufferedImage(2 * size.width(), 2 * size.height(), java.awt.image.BufferedImage.TYPE_INT_RGB);
            int[] pixels = ((java.awt.image.DataBufferInt) image.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < runs; i++) {
                long b = System.nanoTime();
                var chart = dashboards.chart(room, clientele, filters, Locale.CANADA_FRENCH);
                built[i] = (System.nanoTime() - b) / 1e6;
                long s = System.nanoTime();
                Arrays.fill(pixels, 0xFFFFFF);
                chart.setBackgroundPaint(null);
                var g2 = image.createGraphics();
                g2.scale(2, 2);
                chart.draw(g2, new java.awt.Rectangle(0, 0, size.width(), size.height()));
                g2.dispose();
                draw[i] = (System.nanoTime() - s) / 1e6;
                encode[i] = time(() -> org.pilotage.analytics.charts.ChartEncoder.encodePng(image, Map.of()));
            }
            System.out.printf(Locale.ROOT, "    PNG: chart built median %6.1f ms, drawn at 2x median %6.1f ms, encoded median %6.1f ms%n",
                    median(built), median(draw), median(encode));

            // Executive snapshots: data read, then drawn, encoded and stamped with their provenance; and kept.
            double[] snapPng = new double[runs];
            double[] snapSvg = new double[runs];
            double[] snapPdf = new double[runs];
            double[] report = new double[runs];
            double[] keptPng = new double[runs];
            for (int i = 0; i < runs; i++) {
                dashboards.clearCache();
                snapshots.clearCache();
                renderRoom(dashboards, room, filters);
                snapPng[i] = time(() -> snapshots.chart(room, clientele, filters, Locale.CANADA_FRENCH, ExportFormat.PNG, "benchmark"));
                keptPng[i] = time(() -> snapshots.chart(room, clientele, filters, Locale.CANADA_FRENCH, ExportFormat.PNG, "benchmark"));
                snapSvg[i] = time(() -> snapshots.chart(room, clientele, filters, Locale.CANADA_FRENCH, ExportFormat.SVG, "benchmark"));
                snapPdf[i] = time(() -> snapshots.chart(room, clientele, filters, Locale.CANADA_FRENCH, ExportFormat.PDF, "benchmark"));
                report[i] = time(() -> snapshots.report(room, filters, Locale.CANADA_FRENCH, "benchmark"));
            }
            System.out.printf(Locale.ROOT, "snapshot PNG (2x, provenance)  median %6.1f ms drawn, %6.3f ms kept%n",
                    median(snapPng), median(keptPng));
            System.out.printf(Locale.ROOT, "snapshot SVG                   median %6.1f ms  (PNG / SVG %.1fx, target <= 3)%n", median(snapSvg),
                    median(snapPng) / median(snapSvg));
            System.out.printf(Locale.ROOT, "snapshot PDF (one chart)       median %6.1f ms%n", median(snapPdf));
            System.out.printf(Locale.ROOT, "room report PDF (%d pages)      median %6.1f ms  (target <= 1000 ms)%n",
                    org.apache.pdfbox.Loader.loadPDF(snapshots.report(room, filters, Locale.CANADA_FRENCH, "benchmark").bytes()).getNumberOfPages(),
                    median(report));

            // (3) a cascade: the strategic room's tree of 10 tactical and 100 operational rooms with their counts
            cascade(app, indicators, runs);

            // (4) meetings: one closed (its archive written), and a move followed by 20 wall screens
            meetings(app, room);

            // (2) concurrent viewers
            loadTest(port, roomIds, last, viewers, seconds, app.getBean(DataVersion.class), median(png), data.resolve("access"));
        } finally {
            app.close();
            Bench.deleteTree(data);
        }
    }

    /**
     * A meeting of the room closed, caches emptied first (its archive: the record, the board as data and as the room
     * report, the minutes in French and English, hashed and chained); then a meeting whose moves 20 wall screens follow:
     * each screen, told of the change, reads the meeting and the room's board on a thread of its own (as a screen's UI
     * does in its push access), and the time from the move to the last screen redrawn is taken.
     */
    private static void meetings(ConfigurableApplicationContext app, SteeringRoom room) throws Exception {
        MeetingService meetings = app.getBean(MeetingService.class);
        RoomDashboardService dashboards = app.getBean(RoomDashboardService.class);
        SnapshotService snapshots = app.getBean(SnapshotService.class);
        Caller admin = new Caller("benchmark", java.util.EnumSet.of(Role.ADMIN), java.util.Set.of(), null);
        int runs = 7;
        double[] close = new double[runs];
        for (int i = 0; i < runs; i++) {
            long id = meetings.start(admin, room.id()).meeting().id();
            meetings.add(admin, id, "Tour de table", null);
            dashboards.clearCache();
            snapshots.clearCache();
            long t = System.nanoTime();
            meetings.close(admin, id);
            close[i] = (System.nanoTime() - t) / 1e6;
        }
        long id = meetings.start(admin, room.id()).meeting().id();
        for (int k = 0; k < 3; k++) {
            meetings.add(admin, id, "Point " + k, null);
        }
        int screens = 20;
        java.util.concurrent.ExecutorService uis = java.util.concurrent.Executors.newFixedThreadPool(screens);
        java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CountDownLatch> redrawn = new java.util.concurrent.atomic.AtomicReference<>();
        List<Runnable> stops = new ArrayList<>();
        for (int sIdx = 0; sIdx < screens; sIdx++) {
            stops.add(meetings.onChange(changed -> {
                java.util.concurrent.CountDownLatch latch = redrawn.get();
                uis.submit(() -> {
                    var r = meetings.record(admin, changed);
                    meetings.clock(r);
                    dashboards.dashboard(room, new RoomFilters(ReportingPeriod.month(r.meeting().period())));
                    if (latch != null) {
                        latch.countDown();
                    }
                });
            }));
        }
        int moves = 20;
        double[] follow = new double[moves];
        int items = meetings.record(admin, id).agenda().size();
        for (int m = 0; m < moves; m++) {
            java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(screens);
            redrawn.set(latch);
            long t = System.nanoTime();
            meetings.moveTo(admin, id, (m + 1) % items);
            if (!latch.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("the wall screens did not follow within a minute");
            }
            follow[m] = (System.nanoTime() - t) / 1e6;
        }
        redrawn.set(null);
        stops.forEach(Runnable::run);
        uis.shutdown();
        meetings.close(admin, id);
        double[] sorted = follow.clone();
        java.util.Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "meeting closed, archive written    median %7.1f ms  max %7.1f ms  (target <= 1000 ms)%n", median(close),
                java.util.Arrays.stream(close).max().orElse(0));
        System.out.printf(Locale.ROOT, "a move followed by %d wall screens median %7.1f ms  max %7.1f ms  (target <= 1000 ms; push excluded)%n",
                screens, median(follow), sorted[sorted.length - 1]);
    }

    /**
     * One establishment's cascade (1 strategic, 10 tactical rooms of 5 directions each, 10 operational rooms of
     * one direction under each), every operational room with a late priority action escalated to its parent:
     * the strategic room's tree computed (cache emptied each time) against the bare time of its three statements.
     */
    private static void cascade(ConfigurableApplicationContext app, List<String> indicators, int runs) {
        SteeringRoomRepository rooms = app.getBean(SteeringRoomRepository.class);
        ActionService actions = app.getBean(ActionService.class);
        EscalationService escalations = app.getBean(EscalationService.class);
        CascadeService cascade = app.getBean(CascadeService.class);
        RoomService roomService = app.getBean(RoomService.class);
        Caller admin = new Caller("benchmark", EnumSet.of(Role.ADMIN), Set.of(), null);
        List<ProjectCategory> categories = List.of(ProjectCategory.values());
        String establishment = "BENCH-E1";
        long strategicId = rooms.create(new RoomDraft("Stratégique", RoomLevel.STRATEGIC, establishment, List.of(), indicators, categories),
                "benchmark");
        List<Long> ids = new ArrayList<>(List.of(strategicId));
        for (int t = 0; t < 10; t++) {
            List<String> directions = new ArrayList<>();
            for (int d = 0; d < 5; d++) {
                directions.add("D" + (5 * t + d));
            }
            long tactical = rooms.create(new RoomDraft("Tactique " + t, RoomLevel.TACTICAL, establishment, directions, indicators,
                    categories, strategicId), "benchmark");
            ids.add(tactical);
            for (int o = 0; o < 10; o++) {
                long operational = rooms.create(new RoomDraft("Opérationnelle " + t + "-" + o, RoomLevel.OPERATIONAL, establishment,
                        List.of(directions.get(o % 5)), indicators, categories, tactical), "benchmark");
                ids.add(operational);
                SteeringRoom room = rooms.find(operational).orElseThrow();
                long action = actions.add(admin, room, new ActionDraft("Action " + t + "-" + o, "Équipe", LocalDate.now().minusDays(3),
                        ActionStatus.IN_PROGRESS, null));
                escalations.escalate(admin, room, EscalationDraft.action(action, "Hors de portée de l'équipe", null, null));
            }
        }
        SteeringRoom strategic = rooms.find(strategicId).orElseThrow();
        YearMonth month = roomService.lastCompleteMonth();
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(app.getBean(DuckDbStore.class).dataSource());
        Map<String, Object> p = new HashMap<>();
        p.put("rooms", SqlQueries.codes(ids.subList(1, ids.size())));
        p.put("indicator", "");
        p.put("from", month.atDay(1).toString());
        p.put("to", month.atDay(1).toString());
        p.put("today", LocalDate.now().toString());
        int[] size = new int[1];
        for (int i = 0; i < 5; i++) {
            cascade.clearCache();
            size[0] = cascade.tree(admin, strategic).size();
            cascadeBare(jdbc, p);
        }
        double[] bare = new double[runs];
        double[] tree = new double[runs];
        double[] kept = new double[runs];
        for (int i = 0; i < runs; i++) {
            bare[i] = cascadeBare(jdbc, p);
            cascade.clearCache();
            tree[i] = time(() -> size[0] = cascade.tree(admin, strategic).size());
            kept[i] = time(() -> cascade.tree(admin, strategic));
        }
        System.out.printf(Locale.ROOT, "cascade: the strategic room's tree of %d rooms with their counts%n", size[0]);
        System.out.printf(Locale.ROOT, "bare DuckDB queries of the tree   median %7.1f ms%n", median(bare));
        System.out.printf(Locale.ROOT, "tree computed                     median %7.1f ms  (ratio %.2f, target <= 2.0 and <= 200 ms)%n",
                median(tree), median(tree) / median(bare));
        System.out.printf(Locale.ROOT, "tree from the cache               median %7.3f ms%n", median(kept));
    }

    /** The tree's three statements: every room's figures for the month, late actions, open escalations. */
    private static double cascadeBare(NamedParameterJdbcTemplate jdbc, Map<String, Object> p) {
        long s = System.nanoTime();
        drain(jdbc, "rooms/room-figures", p);
        drain(jdbc, "actions/late-counts", p);
        drain(jdbc, "escalations/open-counts", p);
        return (System.nanoTime() - s) / 1e6;
    }

    private static void renderRoom(RoomDashboardService dashboards, SteeringRoom room, RoomFilters filters) {
        dashboards.renderAll(room, filters, Locale.CANADA_FRENCH);
    }

    /** The statements a room runs, with the same parameters, straight on the store's pool (no cache, no rendering). */
    private static double bare(DuckDbStore store, SteeringRoom room, RoomFilters filters) {
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(store.dataSource());
        YearMonth to = filters.period().end();
        Map<String, Object> p = new HashMap<>();
        p.put("establishment", room.establishment());
        p.put("directions", "");
        p.put("project", "");
        p.put("indicators", SqlQueries.codes(room.indicators()));
        p.put("categories", SqlQueries.codes(room.categories().stream().map(ProjectCategory::code).toList()));
        p.put("indicator", room.indicators().getFirst());
        p.put("ids", "999999");
        long s = System.nanoTime();
        // As RoomDataReader reads a month: the chart window, the sparkline and the same month a year earlier.
        p.put("from", to.minusMonths(12).atDay(1).toString());
        p.put("to", to.atDay(1).toString());
        p.put("now_from", to.atDay(1).toString());
        p.put("now_to", to.atDay(1).toString());
        p.put("previous_from", to.minusMonths(1).atDay(1).toString());
        p.put("previous_to", to.minusMonths(1).atDay(1).toString());
        p.put("year_from", to.minusMonths(12).atDay(1).toString());
        p.put("year_to", to.minusMonths(12).atDay(1).toString());
        drain(jdbc, "rooms/indicator-figures", p);
        p.put("from", to.minusMonths(11).atDay(1).toString());
        drain(jdbc, "rooms/project-counts", p);
        drain(jdbc, "notes/comments", p);
        p.put("from", to.atDay(1).toString());
        drain(jdbc, "rooms/direction-totals", p);
        drain(jdbc, "notes/commitments", p);
        drain(jdbc, "rooms/ingestions", p);
        return (System.nanoTime() - s) / 1e6;
    }

    /** Each named query's times over the runs, to say where a room's time goes. */
    private static final Map<String, List<Double>> QUERY_TIMES = new java.util.TreeMap<>();

    private static void drain(NamedParameterJdbcTemplate jdbc, String query, Map<String, Object> params) {
        long s = System.nanoTime();
        jdbc.query(SqlQueries.get(query), params, rs -> {
            rs.getObject(1);
        });
        QUERY_TIMES.computeIfAbsent(query, k -> new ArrayList<>()).add((System.nanoTime() - s) / 1e6);
    }

    private static void loadTest(int port, List<Long> rooms, YearMonth last, int viewers, int seconds, DataVersion version,
                                 double onePng, Path accessLogs) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        String[] charts = {"organisational", "practitioner", "clientele", "project-counts", "directions"};
        // Each viewer asks on its own thread over its own kept-alive connection, with blocking reads, as a browser on a
        // machine of its own would (HttpURLConnection). java.net.http.HttpClient reads every connection's bytes on one
        // selector thread: with 50 viewers of ~230 KB images that thread, not the service, set the tail (the service's
        // own times, from Tomcat's log, were a third of what that client measured).
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<double[]> timeline = new ConcurrentLinkedQueue<>(); // {second it started, latency}
        AtomicLong errors = new AtomicLong();
        AtomicLong previousImages = new AtomicLong(); // answered at once with the picture before a publication, marked
        // Warm-up, not measured: every room, chart and month asked for once, so that the figures below are those of a
        // service in use (the first images of a freshly started JVM take seconds while the JIT compiles); from then on the
        // publications below are what makes charts be drawn again.
        for (long room : rooms) {
            for (String chart : charts) {
                for (int m = 0; m < 3; m++) {
                    http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/rooms/" + room + "/charts/" + chart
                            + ".png?period=" + last.minusMonths(m))).header("Authorization", auth).GET().build(),
                            HttpResponse.BodyHandlers.discarding());
                }
            }
        }
        long warmUp = chartLines(accessLogs).size();
        long begin = System.nanoTime();
        long deadline = begin + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(viewers + 1);
        pool.submit(() -> {
            // A publication every 10 s, each of one establishment's file, in turn those of the viewed rooms: that
            // room's cached charts become stale and are drawn again.
            for (int n = 0; System.nanoTime() < deadline; n++) {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    return;
                }
                version.changed(Set.of("BENCH-E" + (n % rooms.size())));
            }
        });
        for (int v = 0; v < viewers; v++) {
            pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < deadline) {
                    String path = "/api/rooms/" + rooms.get(random.nextInt(rooms.size())) + "/charts/"
                            + charts[random.nextInt(charts.length)] + ".png?period=" + last.minusMonths(random.nextInt(3));
                    long s = System.nanoTime();
                    try {
                        var connection = (java.net.HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
                        connection.setRequestProperty("Authorization", auth);
                        connection.setConnectTimeout(5_000);
                        connection.setReadTimeout(30_000);
                        int status = connection.getResponseCode();
                        long length;
                        // read to the end (the connection is kept for the next) and counted, not kept: a browser's copy
                        // of the image is not the service's garbage (kept, ~0.5 MB a request went to this heap)
                        try (var in = status == 200 ? connection.getInputStream() : connection.getErrorStream()) {
                            length = in == null ? 0 : in.transferTo(java.io.OutputStream.nullOutputStream());
                        }
                        if (status != 200 || length < 1000) {
                            errors.incrementAndGet();
                        } else if ("true".equals(connection.getHeaderField("X-Pilotage-Previous-Image"))) {
                            previousImages.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies.add((System.nanoTime() - s) / 1e6);
                    timeline.add(new double[] {(s - begin) / 1e9, (System.nanoTime() - s) / 1e6});
                    try {
                        Thread.sleep(random.nextInt(50, 250)); // a viewer's browser between two images
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        double[] l = latencies.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(l);
        System.out.printf(Locale.ROOT, "%d viewers for %d s: %,d chart requests (%.0f/s), %d errors, %d answered with the previous image%n",
                viewers, seconds, l.length, l.length / (double) seconds, errors.get(), previousImages.get());
        System.out.printf(Locale.ROOT, "chart PNG latency  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n",
                Bench.pct(l, 50), Bench.pct(l, 95), Bench.pct(l, 99), l.length == 0 ? 0 : l[l.length - 1]);
        // Where the tail is: the slowest request of each 2.5 s (publications at 10, 20, 30 s).
        StringBuilder windows = new StringBuilder("  slowest per 2.5 s:");
        for (double w = 0; w < seconds; w += 2.5) {
            double from = w;
            double worst = timeline.stream().filter(t -> t[0] >= from && t[0] < from + 2.5).mapToDouble(t -> t[1]).max().orElse(0);
            windows.append(String.format(Locale.ROOT, " %.0f", worst));
        }
        System.out.println(windows + " ms");
        System.out.printf(Locale.ROOT, "  against one chart PNG drawn unloaded (%.1f ms): p95 %.1fx (target <= 4), p99 %.1fx (target <= 10)%n",
                onePng, Bench.pct(l, 95) / onePng, Bench.pct(l, 99) / onePng);
        List<String> served = chartLines(accessLogs);
        double[] server = served.subList((int) Math.min(warmUp, served.size()), served.size()).stream()
                .mapToDouble(line -> Long.parseLong(line.substring(0, line.indexOf(' '))) / 1000.0).sorted().toArray();
        System.out.printf(Locale.ROOT, "  the server's part (Tomcat's access log, %,d requests): p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms%n",
                server.length, Bench.pct(server, 50), Bench.pct(server, 95), Bench.pct(server, 99));
    }

    /** The chart requests in Tomcat's access log so far ("microseconds path" per line). */
    private static List<String> chartLines(Path accessLogs) throws Exception {
        List<String> lines = new ArrayList<>();
        try (var files = Files.list(accessLogs)) {
            for (Path file : files.sorted().toList()) {
                Files.readAllLines(file).stream().filter(line -> line.contains("/charts/")).forEach(lines::add);
            }
        }
        return lines;
    }

    /**
     * 10 establishments × 50 directions × 12 indicators × 120 months, then projects, as the ingestion
     * benchmark's file; inserted in (establishment, period) order as publishing does.
     */
    private static void generate(DuckDbStore store, long rows, YearMonth last) throws Exception {
        YearMonth first = last.minusMonths(119);
        try (Connection c = store.dataSource().getConnection(); var st = c.createStatement()) {
            st.execute("INSERT INTO ingestion (id, kind, file_name, sha256, status, ended_at) VALUES (999999, 'indicator-measures', "
                    + "'benchmark.csv', 'benchmark', 'COMPLETED', current_timestamp)");
            st.execute("INSERT INTO ingestion_manifest (sha256, ingestion_id) VALUES ('benchmark', 999999)");
            st.execute("INSERT INTO establishment (code, name) SELECT 'BENCH-E' || i, 'Établissement fictif ' || i FROM range(10) t(i)");
            st.execute("INSERT INTO direction (establishment, code, name) SELECT 'BENCH-E' || e, 'D' || d, 'D' || d "
                    + "FROM range(10) a(e), range(50) b(d)");
            st.execute("""
                    INSERT INTO indicator_measure (establishment, direction, project, indicator, period, value, target, ingestion_id)
                    WITH codes AS (SELECT list(code ORDER BY code) AS c FROM indicator)
                    SELECT 'BENCH-E' || (i %% 10), 'D' || (i // 10 %% 50),
                           CASE WHEN i // 720000 = 0 THEN '' ELSE 'P-' || (i // 720000) END,
                           codes.c[(i // 500 %% 12) + 1],
                           (DATE '%s' + INTERVAL ((i // 6000) %% 120) MONTH)::DATE,
                           (i * 37 %% 1000) / 10.0, CASE WHEN i %% 3 = 0 THEN NULL ELSE 60 END, 999999
                    FROM range(%d) t(i), codes
                    ORDER BY 1, 5""".formatted(first.atDay(1), rows));
            st.execute("""
                    INSERT INTO project_count (establishment, direction, period, category, count, ingestion_id)
                    SELECT 'BENCH-E' || e, 'D' || d, (DATE '%s' + INTERVAL (m) MONTH)::DATE, c, (e + d + m) %% 7, 999999
                    FROM range(10) a(e), range(50) b(d), range(120) x(m),
                         (VALUES ('integrating-users'), ('values-preferences'), ('experience-capture'), ('care-partner'),
                                 ('improvement-collaborator')) y(c)
                    ORDER BY 1, 3""".formatted(first.atDay(1)));
            st.execute("CHECKPOINT");
        }
    }

    private static double time(Runnable r) {
        long s = System.nanoTime();
        r.run();
        return (System.nanoTime() - s) / 1e6;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
