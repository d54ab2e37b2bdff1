package vn.chotdon.simulation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgChartTest {

    @Test
    void a_chart_is_well_formed_svg_with_one_path_per_series_and_escaped_names() throws Exception {
        String svg = SvgChart.lines("Latency <p99> & more", "second", "ms", true, List.of(
                new SvgChart.Series("p50 'all'", "#1f77b4", List.of(new double[] {0, 3}, new double[] {1, 40})),
                new SvgChart.Series("p99", "#d62728", List.of(new double[] {0, 0}, new double[] {1, 900}))));

        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));

        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(document.getElementsByTagName("path").getLength()).isEqualTo(2);
        assertThat(document.getDocumentElement().getTextContent()).contains("Latency <p99> & more", "p50 'all'");
    }
}
