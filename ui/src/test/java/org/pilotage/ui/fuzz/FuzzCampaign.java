package org.pilotage.ui.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.pilotage.ui.PilotageApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The longer fuzz campaign ({@code bench/fuzz.sh [mutants] [seed]}): the service started on a fresh data dir,
 * then thousands of mutants of valid Arrow, Parquet and XLSX files uploaded one after the other, each answer
 * judged as the build's fuzz test judges it; prints the outcomes by format, the answers that are not one clean
 * sentence, the time per upload, and the health at the end.
 */
public final class FuzzCampaign {

    private FuzzCampaign() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1L;
        Path data = Files.createTempDirectory("pilotage-fuzz-campaign-");
        ConfigurableApplicationContext app = SpringApplication.run(PilotageApplication.class, "--server.port=0",
                "--pilotage.data-dir=" + data, "--pilotage.admin-password=fuzz-admin-2026", "--logging.level.root=WARN",
                "--logging.level.org.pilotage=WARN");
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        MalformedUploadsFuzzTest.Campaign campaign = new MalformedUploadsFuzzTest.Campaign("http://localhost:" + port, "admin",
                "fuzz-admin-2026");
        List<Mutants.Sample> originals = Mutants.originals(data.resolve("fuzz-work"));
        for (Mutants.Sample o : originals) {
            campaign.upload(o);
        }
        Map<String, Integer> byFormat = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        long start = System.nanoTime();
        List<Mutants.Sample> mutants = Mutants.of(originals, count, seed);
        for (int i = 0; i < mutants.size(); i++) {
            Mutants.Sample m = mutants.get(i);
            MalformedUploadsFuzzTest.Campaign.Outcome o = campaign.upload(m);
            byFormat.merge(m.name().substring(m.name().lastIndexOf('.') + 1) + " " + o.status(), 1, Integer::sum);
            String problem = MalformedUploadsFuzzTest.Campaign.problem(o);
            if (problem != null) {
                problems.add(m.name() + ": " + problem);
            }
            if ((i + 1) % 500 == 0) {
                System.out.printf("%d mutants uploaded%n", i + 1);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Mutants: %d (seed %d) in %.1f s, %.0f ms per upload%n", count, seed, seconds, seconds * 1000 / count);
        System.out.println("Outcomes by format: " + byFormat);
        System.out.println("Answers that are not one clean sentence: " + problems.size());
        problems.stream().limit(20).forEach(p -> System.out.println("  " + p));
        System.out.println("Health at the end: " + campaign.health());
        app.close();
        System.exit(problems.isEmpty() ? 0 : 1);
    }
}
