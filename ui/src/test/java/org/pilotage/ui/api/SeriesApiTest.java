package org.pilotage.ui.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pilotage.analytics.series.MonthlyValue;
import org.pilotage.analytics.series.SeriesQuery;
import org.pilotage.analytics.series.SeriesRepository;
import org.pilotage.ui.RunningPilotage;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

class SeriesApiTest extends RunningPilotage {

    @Autowired
    SeriesRepository series;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void healthIsUpWithoutLogin() throws Exception {
        HttpResponse<String> r = get("/actuator/health", null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void seriesWithoutLoginIs401WithOneSentence() throws Exception {
        HttpResponse<String> r = get("/api/series?indicator=CLI-FAMILLES", null, null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(json.readValue(r.body(), Map.class)).containsOnlyKeys("error");
    }

    @Test
    void aWrongPasswordIs401() throws Exception {
        assertThat(get("/api/series?indicator=CLI-FAMILLES", "manager", "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void seriesAnswersTheMonthsOfOneIndicatorAsTheDashboardQueryComputesThem() throws Exception {
        YearMonth to = YearMonth.now().minusMonths(1);
        YearMonth from = to.minusMonths(5);
        HttpResponse<String> r = get("/api/series?indicator=CLI-FAMILLES&establishment=CISSS-DEMO-NORD&from=" + from + "&to=" + to,
                "manager", "demo");

        assertThat(r.statusCode()).isEqualTo(200);
        List<Map<String, Object>> body = json.readValue(r.body(), List.class);
        List<MonthlyValue> expected = series.find(new SeriesQuery("CLI-FAMILLES", null, "CISSS-DEMO-NORD", null, null, from, to));
        assertThat(body).hasSize(6).hasSize(expected.size());
        for (int i = 0; i < body.size(); i++) {
            assertThat(body.get(i)).containsOnlyKeys("period", "value", "target");
            assertThat(body.get(i).get("period")).isEqualTo(expected.get(i).period().toString());
            assertThat(((Number) body.get(i).get("value")).doubleValue()).isEqualTo(expected.get(i).value());
            assertThat(((Number) body.get(i).get("target")).doubleValue()).isEqualTo(expected.get(i).target());
        }
        assertThat(body.getFirst().get("period")).isEqualTo(from.toString());
    }

    @Test
    void aDirectionNarrowsTheSeriesBelowTheEstablishmentTotal() throws Exception {
        String base = "/api/series?indicator=ORG-PROJ-USAGERS&establishment=CISSS-DEMO-NORD";
        List<Map<String, Object>> all = json.readValue(get(base, "manager", "demo").body(), List.class);
        List<Map<String, Object>> one = json.readValue(get(base + "&direction=DSM", "manager", "demo").body(), List.class);
        assertThat(all).isNotEmpty();
        assertThat(((Number) one.getLast().get("value")).doubleValue())
                .isLessThan(((Number) all.getLast().get("value")).doubleValue());
    }

    @Test
    void badParametersAre400WithASentenceInTheCallersLanguage() throws Exception {
        HttpResponse<String> fr = get("/api/series?indicator=CLI-FAMILLES&from=2026-13", "manager", "demo");
        assertThat(fr.statusCode()).isEqualTo(400);
        assertThat(json.readValue(fr.body(), Map.class).get("error"))
                .isEqualTo("Le paramètre from doit être un mois au format AAAA-MM (reçu : 2026-13).");

        HttpResponse<String> missing = get("/api/series", "manager", "demo");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("indicator");
    }

    @Test
    void anUnknownIndicatorIs404() throws Exception {
        HttpResponse<String> r = get("/api/series?indicator=NOPE", "manager", "demo");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).isEqualTo("{\"error\":\"Indicateur inconnu du catalogue : NOPE.\"}");
    }

    @Test
    void establishmentsListTheDemoEstablishmentsWithTheirDirections() throws Exception {
        HttpResponse<String> r = get("/api/establishments", "executive", "demo");
        assertThat(r.statusCode()).isEqualTo(200);
        List<Map<String, Object>> body = json.readValue(r.body(), List.class);
        // Other tests of this shared application load files of their own establishments too.
        assertThat(body).extracting(m -> m.get("code")).containsSubsequence("CISSS-DEMO-EST", "CISSS-DEMO-NORD", "CIUSSS-DEMO-SUD");
        assertThat(body).filteredOn(m -> m.get("code").equals("CISSS-DEMO-EST")).singleElement()
                .satisfies(m -> assertThat(m.get("directions")).isEqualTo(List.of("DQEPE", "DSI", "DSM", "DSP")))
                .satisfies(m -> assertThat(m.get("name")).isEqualTo("CISSS fictif de l'Est"));
    }
}
