package org.pilotage.ingestion.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.pilotage.analytics.catalogue.Indicator;
import org.pilotage.analytics.catalogue.IndicatorUnit;

/**
 * Writes the fictional demo data set as contract files: 3 establishments with 4 directions each,
 * 60 projects, 36 months ending with {@code lastMonth}, every catalogue indicator with a trend,
 * noise, targets (raised after the first year for some) and a few missing months, and project
 * counts for the five categories. Same seed and months, same bytes.
 */
public final class DemoDataGenerator {

    public record DemoEstablishment(String code, String name) {
    }

    /** The fictional establishments and comments: {@code pilotage/demo/data.json}. */
    private static final tools.jackson.databind.JsonNode DATA = readData();
    public static final List<DemoEstablishment> ESTABLISHMENTS = DATA.get("establishments").valueStream()
            .map(e -> new DemoEstablishment(e.get("code").asString(), e.get("name").asString())).toList();
    public static final List<String> DIRECTIONS = List.of("DQEPE", "DSM", "DSP", "DSI");
    public static final int MONTHS = 36;
    public static final int PROJECTS_PER_DIRECTION = 5;
    private static final List<String> CATEGORIES = List.of("integrating-users", "values-preferences",
            "experience-capture", "care-partner", "improvement-collaborator");
    private static final List<String> PROJECT_INDICATORS = List.of("INT-SATISFACTION", "INT-COMPETENCES");
    private static final String[] COMMENTS = DATA.get("comments").valueStream()
            .map(tools.jackson.databind.JsonNode::asString).toArray(String[]::new);

    private static tools.jackson.databind.JsonNode readData() {
        try (java.io.InputStream in = DemoDataGenerator.class.getClassLoader().getResourceAsStream("pilotage/demo/data.json")) {
            return tools.jackson.databind.json.JsonMapper.builder().build().readTree(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private final long seed;

    public DemoDataGenerator(long seed) {
        this.seed = seed;
    }

    public Path writeMeasures(Path file, List<Indicator> catalogue, YearMonth lastMonth) throws IOException {
        Random random = new Random(seed);
        YearMonth first = lastMonth.minusMonths(MONTHS - 1L);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("establishment,direction,project,indicator,level,period,value,target,comment\n");
            int projectNumber = 0;
            for (DemoEstablishment est : ESTABLISHMENTS) {
                // A few months an establishment did not report an indicator at all: gaps on the charts.
                java.util.Set<String> unreported = new java.util.HashSet<>();
                for (Indicator indicator : catalogue) {
                    for (int m = 0; m < MONTHS; m++) {
                        if (random.nextDouble() < 0.03) {
                            unreported.add(indicator.code() + "/" + m);
                        }
                    }
                }
                for (String direction : DIRECTIONS) {
                    for (Indicator indicator : catalogue) {
                        Trend trend = Trend.random(indicator, random);
                        for (int m = 0; m < MONTHS; m++) {
                            if (unreported.contains(indicator.code() + "/" + m)) {
                                continue;
                            }
                            YearMonth period = first.plusMonths(m);
                            double target = trend.target(m);
                            boolean explicitTarget = random.nextDouble() < 0.9 || target != trend.baseTarget;
                            String comment = random.nextDouble() < 0.01 ? COMMENTS[random.nextInt(COMMENTS.length)] : "";
                            row(out, est.code(), direction, "", indicator, period, trend.value(m, random),
                                    explicitTarget ? target : null, comment);
                        }
                    }
                    for (int p = 0; p < PROJECTS_PER_DIRECTION; p++) {
                        String project = "P-%03d".formatted(++projectNumber);
                        int start = random.nextInt(12);
                        for (String code : PROJECT_INDICATORS) {
                            Indicator indicator = catalogue.stream().filter(i -> i.code().equals(code)).findFirst().orElse(null);
                            if (indicator == null) {
                                continue;
                            }
                            Trend trend = Trend.random(indicator, random);
                            for (int m = start; m < MONTHS; m++) {
                                if (random.nextDouble() < 0.03) {
                                    continue;
                                }
                                row(out, est.code(), direction, project, indicator, first.plusMonths(m),
                                        trend.value(m, random), trend.target(m), "");
                            }
                        }
                    }
                }
            }
        }
        return file;
    }

    public Path writeProjectCounts(Path file, YearMonth lastMonth) throws IOException {
        Random random = new Random(seed + 1);
        YearMonth first = lastMonth.minusMonths(MONTHS - 1L);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("establishment,direction,period,category,count\n");
            for (DemoEstablishment est : ESTABLISHMENTS) {
                for (String direction : DIRECTIONS) {
                    for (String category : CATEGORIES) {
                        double base = 1 + random.nextInt(4);
                        double growth = 0.05 + random.nextDouble() * 0.15;
                        for (int m = 0; m < MONTHS; m++) {
                            long count = Math.max(0, Math.round(base + growth * m + random.nextGaussian() * 0.8));
                            out.write(String.join(",", est.code(), direction, first.plusMonths(m).toString(), category,
                                    Long.toString(count)));
                            out.write('\n');
                        }
                    }
                }
            }
        }
        return file;
    }

    private static void row(Writer out, String est, String direction, String project, Indicator indicator,
                            YearMonth period, double value, Double target, String comment) throws IOException {
        List<String> cells = new ArrayList<>(List.of(est, direction, project, indicator.code(), indicator.level().code(),
                period.toString(), number(indicator.unit(), value), target == null ? "" : number(indicator.unit(), target),
                comment.isEmpty() ? "" : "\"" + comment.replace("\"", "\"\"") + "\""));
        out.write(String.join(",", cells));
        out.write('\n');
    }

    private static String number(IndicatorUnit unit, double v) {
        return unit == IndicatorUnit.COUNT ? Long.toString(Math.round(v)) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** A value that moves from a start towards an end level over the 36 months, with noise. */
    private record Trend(Indicator indicator, double start, double end, double noise, double baseTarget,
                         double laterTarget) {

        static Trend random(Indicator indicator, Random r) {
            double target = indicator.defaultTarget() == null ? 10 : indicator.defaultTarget();
            double start;
            double end;
            if (indicator.betterUp()) {
                start = target * (0.45 + r.nextDouble() * 0.35);
                end = target * (0.8 + r.nextDouble() * 0.35);
            } else {
                start = target * (1.3 + r.nextDouble() * 0.5);
                end = target * (0.85 + r.nextDouble() * 0.35);
            }
            double later = r.nextDouble() < 0.3 ? target * (indicator.betterUp() ? 1.1 : 0.9) : target;
            return new Trend(indicator, start, end, target * 0.06, target, later);
        }

        double target(int month) {
            return month >= 24 ? laterTarget : baseTarget;
        }

        double value(int month, Random r) {
            double v = start + (end - start) * month / (MONTHS - 1.0) + r.nextGaussian() * noise;
            return switch (indicator.unit()) {
                case PERCENT -> Math.clamp(v, 0, 100);
                case SCORE -> Math.clamp(v, 1, 5);
                default -> Math.max(0, v);
            };
        }
    }
}
