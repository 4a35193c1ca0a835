package org.soteria.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.soteria.research.DifferenceInDifferences;
import org.soteria.research.InterruptedTimeSeries;

/**
 * How often the evaluation methods find a change that is not there, and how often their intervals hold a
 * planted one, on synthetic monthly series with AR(1) errors; against the baseline first tried, OLS with
 * Newey–West errors, in the same run on the same series. Run by bench/evaluation-rates.sh.
 */
public final class EvaluationRatesBenchmark {

    private static final int PERIODS = 60;
    private static final int CHANGE = 30;

    private EvaluationRatesBenchmark() {
    }

    private static double[] series(Random r, double level, double slope, double phi) {
        double prev = r.nextGaussian() / Math.sqrt(1 - phi * phi);
        double[] y = new double[PERIODS];
        for (int t = 0; t < PERIODS; t++) {
            prev = phi * prev + r.nextGaussian();
            double d = t >= CHANGE ? 1 : 0;
            y[t] = 20 + 0.1 * t + level * d + slope * (t - CHANGE) * d + prev;
        }
        return y;
    }

    /** The baseline: OLS with Newey–West errors (Bartlett weights, lag 3, n/(n−k)); the level change's interval. */
    private static double[] neweyWestLevel(double[] y) {
        int n = y.length;
        double[][] x = new double[n][];
        for (int t = 0; t < n; t++) {
            double d = t >= CHANGE ? 1 : 0;
            x[t] = new double[] {1, t, d, (t - CHANGE) * d};
        }
        RealMatrix xm = new Array2DRowRealMatrix(x, false);
        RealMatrix inv = new LUDecomposition(xm.transpose().multiply(xm)).getSolver().getInverse();
        double[] beta = inv.operate(xm.transpose().operate(y));
        double[] e = new double[n];
        for (int t = 0; t < n; t++) {
            double f = 0;
            for (int j = 0; j < 4; j++) {
                f += x[t][j] * beta[j];
            }
            e[t] = y[t] - f;
        }
        int lag = 3;
        double[][] s = new double[4][4];
        for (int t = 0; t < n; t++) {
            for (int a = 0; a < 4; a++) {
                for (int b = 0; b < 4; b++) {
                    s[a][b] += e[t] * e[t] * x[t][a] * x[t][b];
                }
            }
        }
        for (int l = 1; l <= lag; l++) {
            double w = 1 - l / (lag + 1.0);
            for (int t = l; t < n; t++) {
                for (int a = 0; a < 4; a++) {
                    for (int b = 0; b < 4; b++) {
                        s[a][b] += w * e[t] * e[t - l] * (x[t][a] * x[t - l][b] + x[t - l][a] * x[t][b]);
                    }
                }
            }
        }
        RealMatrix v = inv.multiply(new Array2DRowRealMatrix(s, false)).multiply(inv).scalarMultiply(n / (n - 4.0));
        double q = new TDistribution(n - 4).inverseCumulativeProbability(0.975);
        double se = Math.sqrt(v.getEntry(2, 2));
        return new double[] {beta[2] - q * se, beta[2] + q * se};
    }

    private static String pct(int count, int runs) {
        return String.format(Locale.UK, "%.1f%%", 100.0 * count / runs);
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        System.out.println("| errors (rho) | method | false level change | false slope change | coverage of a planted "
                + "level change | DiD false effect | pre-trend wrongly flagged |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (double phi : new double[] {0.0, 0.3, 0.6}) {
            Random r = new Random(42);
            int nwFalse = 0;
            int nwCover = 0;
            int level = 0;
            int slope = 0;
            int cover = 0;
            int did = 0;
            int flag = 0;
            for (int i = 0; i < runs; i++) {
                double[] none = series(r, 0, 0, phi);
                double[] planted = series(r, 5, 0.3, phi);
                double[] nw = neweyWestLevel(none);
                nwFalse += nw[0] > 0 || nw[1] < 0 ? 1 : 0;
                double[] nwp = neweyWestLevel(planted);
                nwCover += nwp[0] < 5 && nwp[1] > 5 ? 1 : 0;
                InterruptedTimeSeries.Result its = InterruptedTimeSeries.fit(none, CHANGE, "points");
                level += its.levelChange().excludesZero() ? 1 : 0;
                slope += its.slopeChange().excludesZero() ? 1 : 0;
                InterruptedTimeSeries.Result p = InterruptedTimeSeries.fit(planted, CHANGE, "points");
                cover += p.levelChange().lower() < 5 && p.levelChange().upper() > 5 ? 1 : 0;
                List<double[]> comparisons = new ArrayList<>();
                for (int g = 0; g < 4; g++) {
                    comparisons.add(series(r, 0, 0, phi));
                }
                DifferenceInDifferences.Result d = DifferenceInDifferences.fit(series(r, 0, 0, phi), comparisons, CHANGE,
                        "points");
                did += d.effect().excludesZero() ? 1 : 0;
                flag += d.parallelTrendsDoubtful() ? 1 : 0;
            }
            System.out.printf(Locale.UK, "| %.1f | OLS + Newey–West (baseline) | %s | | %s | | |%n", phi, pct(nwFalse, runs),
                    pct(nwCover, runs));
            System.out.printf(Locale.UK, "| %.1f | Prais–Winsten, bias-corrected rho (shipped) | %s | %s | %s | %s | %s |%n",
                    phi, pct(level, runs), pct(slope, runs), pct(cover, runs), pct(did, runs), pct(flag, runs));
        }
    }
}
