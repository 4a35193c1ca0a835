package org.soteria.research;

import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * Linear regression for time series whose errors are autocorrelated, as monthly police figures are:
 * Prais–Winsten feasible GLS with first-order autoregressive errors (the usual choice for segmented
 * regression). Rho is estimated from the residuals with a small-sample bias correction, the series is
 * transformed, and the fit is repeated until rho settles. Intervals use Student's t. Ordinary least squares
 * with Newey–West errors was tried first and dropped: with 30 periods a side and rho 0.3 it found a level
 * change that was not there in 15% of series against a stated 5% (docs/benchmarks.md).
 */
final class Regression {

    /** One coefficient: estimate, standard error and 95% confidence interval. */
    record Coefficient(double estimate, double standardError, double lower, double upper) {
    }

    /** The fit: coefficients in the order of the columns, residuals and the estimated rho. */
    record Fit(Coefficient[] coefficients, double[] residuals, double rho) {
    }

    private Regression() {
    }

    private static double[] solve(double[][] x, double[] y, RealMatrix[] inverse) {
        RealMatrix xm = new Array2DRowRealMatrix(x, false);
        LUDecomposition lu = new LUDecomposition(xm.transpose().multiply(xm));
        if (!lu.getSolver().isNonSingular()) {
            throw new IllegalArgumentException("The model cannot be estimated: its columns are not independent");
        }
        inverse[0] = lu.getSolver().getInverse();
        return inverse[0].operate(xm.transpose().operate(y));
    }

    private static double[] residuals(double[][] x, double[] y, double[] beta) {
        double[] e = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            double fitted = 0;
            for (int j = 0; j < beta.length; j++) {
                fitted += x[t][j] * beta[j];
            }
            e[t] = y[t] - fitted;
        }
        return e;
    }

    private static double rho(double[] e) {
        double num = 0;
        double den = 0;
        for (int t = 1; t < e.length; t++) {
            num += e[t] * e[t - 1];
            den += e[t - 1] * e[t - 1];
        }
        double r = den == 0 ? 0 : num / den;
        return Math.max(-0.95, Math.min(0.95, r));
    }

    /** Prais–Winsten regression of y on x with AR(1) errors; one degree of freedom is spent on rho. */
    static Fit fitAr1(double[][] x, double[] y) {
        int n = y.length;
        int k = x[0].length;
        if (n <= k + 2) {
            throw new IllegalArgumentException("Too few observations (" + n + ") for " + k + " coefficients");
        }
        RealMatrix[] inv = new RealMatrix[1];
        double[] beta = solve(x, y, inv);
        double rho = 0;
        double[][] xs = x;
        double[] ys = y;
        for (int iteration = 0; iteration < 20; iteration++) {
            // The residual autocorrelation is biased towards zero in short series (by about (1 + 3 rho + k) / n
            // for k coefficients); without the correction the intervals are too narrow (EvaluationMethodsTest).
            double raw = rho(residuals(x, y, beta));
            double next = Math.max(-0.95, Math.min(0.95, raw + (1 + 3 * raw + k) / n));
            xs = new double[n][k];
            ys = new double[n];
            double first = Math.sqrt(1 - next * next);
            for (int j = 0; j < k; j++) {
                xs[0][j] = first * x[0][j];
            }
            ys[0] = first * y[0];
            for (int t = 1; t < n; t++) {
                for (int j = 0; j < k; j++) {
                    xs[t][j] = x[t][j] - next * x[t - 1][j];
                }
                ys[t] = y[t] - next * y[t - 1];
            }
            beta = solve(xs, ys, inv);
            boolean settled = Math.abs(next - rho) < 1e-6;
            rho = next;
            if (settled) {
                break;
            }
        }
        double[] e = residuals(xs, ys, beta);
        double ss = 0;
        for (double v : e) {
            ss += v * v;
        }
        int df = n - k - 1;
        double sigma2 = ss / df;
        double q = new TDistribution(df).inverseCumulativeProbability(0.975);
        Coefficient[] out = new Coefficient[k];
        for (int j = 0; j < k; j++) {
            double se = Math.sqrt(sigma2 * inv[0].getEntry(j, j));
            out[j] = new Coefficient(beta[j], se, beta[j] - q * se, beta[j] + q * se);
        }
        return new Fit(out, residuals(x, y, beta), rho);
    }
}
