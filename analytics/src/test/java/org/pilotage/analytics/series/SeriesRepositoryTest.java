package org.pilotage.analytics.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotage.analytics.store.DuckDbStore;
import org.pilotage.analytics.store.StoreProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The dashboard's series query on a small data set whose answers are worked out by hand. */
class SeriesRepositoryTest {

    static final YearMonth JAN = YearMonth.of(2026, 1);
    static final YearMonth FEB = YearMonth.of(2026, 2);

    @TempDir
    Path dir;
    DuckDbStore store;
    SeriesRepository series;

    @BeforeEach
    void knownData() {
        store = DuckDbStore.open(StoreProperties.of(dir));
        JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
        KnownData.insert(jdbc);
        series = new SeriesRepository(new NamedParameterJdbcTemplate(jdbc));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<MonthlyValue> find(String indicator, String establishment, String direction, String project,
                                    YearMonth from, YearMonth to) {
        return series.find(new SeriesQuery(indicator, null, establishment, direction, project, from, to));
    }

    @Test
    void countsAreSummedOverDirectionsWithTheCatalogueTargetWhenTheFileHasNone() {
        assertThat(find("C1", "E1", null, null, JAN, FEB)).containsExactly(
                new MonthlyValue("C1", JAN, 7.0, 22.0),
                new MonthlyValue("C1", FEB, 5.0, 10.0));
    }

    @Test
    void percentagesAreAveragedOverDirections() {
        assertThat(find("P1", "E1", null, null, JAN, FEB)).containsExactly(new MonthlyValue("P1", JAN, 50.0, 55.0));
    }

    @Test
    void aDirectionAndAProjectNarrowTheSeries() {
        assertThat(find("C1", "E1", "D2", null, JAN, FEB)).containsExactly(new MonthlyValue("C1", JAN, 4.0, 12.0));
        assertThat(find("C1", "E1", null, "P-1", JAN, FEB)).containsExactly(new MonthlyValue("C1", JAN, 100.0, 10.0));
    }

    @Test
    void withoutAnEstablishmentEveryEstablishmentCounts() {
        assertThat(find("C1", null, null, null, JAN, JAN)).containsExactly(new MonthlyValue("C1", JAN, 1007.0, 32.0));
    }

    @Test
    void theMonthRangeIsInclusive() {
        assertThat(find("C1", "E1", null, null, FEB, FEB)).containsExactly(new MonthlyValue("C1", FEB, 5.0, 10.0));
        assertThat(find("C1", "E1", null, null, YearMonth.of(2025, 1), YearMonth.of(2025, 12))).isEmpty();
    }

    @Test
    void aLevelSelectsItsIndicators() {
        assertThat(series.find(new SeriesQuery(null, "practitioner", "E1", null, null, JAN, FEB)))
                .extracting(MonthlyValue::indicator).containsOnly("P1");
    }

    @Test
    void periodsWithDataAreNewestFirst() {
        assertThat(series.periodsWithData("E1")).containsExactly(FEB, JAN);
    }
}
