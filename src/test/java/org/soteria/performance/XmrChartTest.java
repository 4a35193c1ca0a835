package org.soteria.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 26: an XmR chart's months without data are gaps, not zeros, and improvement actions mark when they went live. */
class XmrChartTest {

    private static final double GAP = Double.NaN;

    @Test
    void limitsComeFromTheMonthsWithDataAlone() {
        Charts.Xmr chart = Charts.Xmr.of(new double[] {0.10, GAP, 0.30, 0.20});
        assertThat(chart.mean()).isCloseTo(0.20, within(1e-12));
        // Moving ranges between months with data, a gap bridged: |0.30 - 0.10| and |0.20 - 0.30|.
        assertThat(chart.averageMovingRange()).isCloseTo(0.15, within(1e-12));
        assertThat(chart.upperLimit()).isCloseTo(0.20 + 2.66 * 0.15, within(1e-12));
        assertThat(chart.lowerLimit()).isZero();
        assertThat(chart.signals()).containsExactly(false, false, false, false);
    }

    @Test
    void aZeroRateIsAFigureAndAGapIsNot() {
        Charts.Xmr zero = Charts.Xmr.of(new double[] {0.10, 0.0, 0.10});
        Charts.Xmr gap = Charts.Xmr.of(new double[] {0.10, GAP, 0.10});
        assertThat(zero.mean()).isCloseTo(0.2 / 3, within(1e-12));
        assertThat(gap.mean()).isCloseTo(0.10, within(1e-12));
        assertThat(gap.averageMovingRange()).isZero();
    }

    @Test
    void eightInARowOnOneSideIsASignalAcrossAGapButTheGapIsNotMarked() {
        double[] v = {0.5, 0.5, 0.5, 0.5, GAP, 0.6, 0.6, 0.6, 0.6, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0};
        Charts.Xmr chart = Charts.Xmr.of(v);
        assertThat(chart.signals()[0]).as("eight months with data above the mean, a gap among them").isTrue();
        assertThat(chart.signals()[8]).isTrue();
        assertThat(chart.signals()[4]).as("no figure, no signal").isFalse();
    }

    @Test
    void noDataAtAllDrawsNoLine() {
        Charts.Xmr chart = Charts.Xmr.of(new double[] {GAP, GAP});
        assertThat(chart.mean()).isZero();
        String svg = Charts.xmr("x", "t", "d", List.of("Jan", "Feb"), chart, List.of());
        assertThat(svg).doesNotContain("<circle", "<path");
    }

    @Test
    void theLineBreaksAtAGapAndTheGapHasNoPoint() {
        Charts.Xmr chart = Charts.Xmr.of(new double[] {0.10, 0.20, GAP, 0.30});
        String svg = Charts.xmr("x", "t", "d", List.of("Jan", "Feb", "Mar", "Apr"), chart, List.of());
        assertThat(count(svg, "<circle")).isEqualTo(3);
        String path = svg.substring(svg.indexOf("<path d=\"") + 9, svg.indexOf('"', svg.indexOf("<path d=\"") + 9));
        assertThat(count(path, "M")).as("the line starts again after the gap").isEqualTo(2);
        assertThat(count(path, "L")).isEqualTo(1);
        assertThat(svg).doesNotContain("NaN");
    }

    @Test
    void anActionGoingLiveIsAMarkedLineWithItsWords() {
        Charts.Xmr chart = Charts.Xmr.of(new double[] {0.10, 0.20, 0.30});
        String svg = Charts.xmr("x", "t", "d", List.of("Jan", "Feb", "Mar"), chart,
                List.of(new Charts.Mark(1, "Early advice from the CPS went live")));
        assertThat(svg).contains("stroke-dasharray=\"2 3\"", "<title>Early advice from the CPS went live</title>");
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
