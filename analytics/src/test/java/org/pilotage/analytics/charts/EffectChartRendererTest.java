package org.pilotage.analytics.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.pilotage.analytics.catalogue.EffectLevel;
import org.pilotage.analytics.catalogue.Indicator;
import org.pilotage.analytics.catalogue.IndicatorUnit;
import org.pilotage.analytics.series.MonthlyValue;
import org.w3c.dom.Document;

class EffectChartRendererTest {

    static final Indicator FAMILIES = new Indicator("CLI-FAMILLES", EffectLevel.CLIENTELE,
            "Familles rejointes par les approches de proximité", "Families reached by proximity approaches",
            IndicatorUnit.COUNT, true, 150.0);
    static final YearMonth FROM = YearMonth.of(2025, 11);
    static final YearMonth TO = YearMonth.of(2026, 10);

    JFreeChart chart(Locale locale) {
        return new EffectChartRenderer().render("Effets chez la clientèle", List.of(FAMILIES),
                Map.of("CLI-FAMILLES", List.of(new MonthlyValue("CLI-FAMILLES", TO, 1234.5, 1500.0))),
                FROM, TO, ChartLabels.of(locale));
    }

    @Test
    void theSvgIsXmlWithTheTitleTheIndicatorAndFrenchMonthsAndNumbers() throws Exception {
        byte[] svg = ChartEncoder.svg(chart(Locale.CANADA_FRENCH), 1100, 300);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
        String text = doc.getDocumentElement().getTextContent();

        assertThat(Double.parseDouble(doc.getDocumentElement().getAttribute("width"))).isEqualTo(1100.0);
        assertThat(text).contains("Effets chez la clientèle", "Familles rejointes", "Cible", "janv. 2026")
                .contains("1\u00A0");
    }

    @Test
    void englishChartsSpeakEnglish() {
        String svg = new String(ChartEncoder.svg(chart(Locale.CANADA), 1100, 300), StandardCharsets.UTF_8);
        assertThat(svg).contains("Families reached", "Target", "Jan 2026");
    }

    @Test
    void thePngIsDrawnAtTwiceTheLaidOutSize() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(ChartEncoder.png(chart(Locale.CANADA_FRENCH), 600, 300, 2)));
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(600);
    }
}
