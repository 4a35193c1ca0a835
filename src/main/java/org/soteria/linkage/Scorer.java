package org.soteria.linkage;

import java.util.ArrayList;
import java.util.List;

/**
 * Match weights of record pairs under a model, with term-frequency adjustment: agreeing exactly on a
 * name, a birth place, a postcode or a date of birth counts for log2(m / frequency of that value), so a
 * shared common value (London, 1 January) counts for less than a shared rare one.
 */
final class Scorer {

    /** Frequencies are never taken below this, so that a name seen once does not dominate a pair. */
    private static final double MIN_FREQUENCY = 1e-4;

    private final RecordSet records;
    private final Comparator comparator;
    private final LinkageModel model;
    private final double[][] weights;
    private final double prior;

    Scorer(RecordSet records, Comparator comparator, LinkageModel model) {
        this.records = records;
        this.comparator = comparator;
        this.model = model;
        this.prior = model.priorWeight();
        weights = new double[Field.ALL.length][];
        for (Field f : Field.ALL) {
            weights[f.ordinal()] = new double[f.levelCount()];
            for (int l = 0; l < f.levelCount(); l++) {
                weights[f.ordinal()][l] = model.weight(f, l);
            }
        }
    }

    long pattern(int a, int b) {
        return comparator.pattern(a, b);
    }

    double weight(int a, int b) {
        return weight(a, b, comparator.pattern(a, b));
    }

    double weight(int a, int b, long pattern) {
        double w = prior;
        for (Field f : Field.ALL) {
            w += fieldWeight(f, f.of(pattern), a);
        }
        return w;
    }

    private double fieldWeight(Field f, int level, int a) {
        if (level != 1) {
            return weights[f.ordinal()][level];
        }
        return switch (f) {
            case GIVEN_NAME -> adjusted(f, records.givenNames.frequency(records.given[a]));
            case FAMILY_NAME -> adjusted(f, records.familyNames.frequency(records.family[a]));
            case BIRTH_PLACE -> adjusted(f, records.birthPlaces.frequency(records.birthPlace[a]));
            case POSTCODE -> adjusted(f, records.postcodes.frequency(records.postcode[a]));
            case DATE_OF_BIRTH -> adjusted(f, records.dobFrequency(a));
            default -> weights[f.ordinal()][level];
        };
    }

    private double adjusted(Field f, double frequency) {
        return LinkageModel.log2(model.m(f, 1) / Math.max(MIN_FREQUENCY, frequency));
    }

    static double probability(double weight) {
        return 1 / (1 + Math.pow(2, -weight));
    }

    /** Why a pair scores as it does: each field's level and weight, the prior, the total. */
    Explanation explain(int a, int b) {
        long pattern = comparator.pattern(a, b);
        List<Explanation.Contribution> parts = new ArrayList<>();
        double total = prior;
        for (Field f : Field.ALL) {
            int level = f.of(pattern);
            double w = fieldWeight(f, level, a);
            total += w;
            parts.add(new Explanation.Contribution(f, level, f.level(level), w));
        }
        return new Explanation(prior, parts, total, probability(total));
    }
}
