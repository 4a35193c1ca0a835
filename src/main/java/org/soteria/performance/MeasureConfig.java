package org.soteria.performance;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The force's measure settings: the repeat-suspect definition, the caseload threshold, the early-advice target. */
@Configuration
class MeasureConfig {

    @Bean
    MeasureEngine.Settings measureSettings(
            @Value("${soteria.measures.repeat-minimum-crimes:2}") int repeatMinimumCrimes,
            @Value("${soteria.measures.repeat-lookback-years:10}") int repeatLookbackYears,
            @Value("${soteria.measures.caseload-threshold:12}") int caseloadThreshold,
            @Value("${soteria.measures.early-advice-target-days:28}") int earlyAdviceTargetDays) {
        if (earlyAdviceTargetDays < 1 || earlyAdviceTargetDays > 365) {
            throw new IllegalStateException("soteria.measures.early-advice-target-days must be a whole number of days "
                    + "from 1 to 365, not " + earlyAdviceTargetDays);
        }
        return new MeasureEngine.Settings(repeatMinimumCrimes, repeatLookbackYears, caseloadThreshold,
                earlyAdviceTargetDays);
    }

    @Bean
    MeasureEngine measureEngine(MeasureEngine.Settings settings) {
        return new MeasureEngine(settings);
    }
}
