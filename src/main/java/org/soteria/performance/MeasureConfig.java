package org.soteria.performance;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The force's measure settings: the repeat-suspect definition and the caseload threshold. */
@Configuration
class MeasureConfig {

    @Bean
    MeasureEngine.Settings measureSettings(
            @Value("${soteria.measures.repeat-minimum-crimes:2}") int repeatMinimumCrimes,
            @Value("${soteria.measures.repeat-lookback-years:10}") int repeatLookbackYears,
            @Value("${soteria.measures.caseload-threshold:12}") int caseloadThreshold) {
        return new MeasureEngine.Settings(repeatMinimumCrimes, repeatLookbackYears, caseloadThreshold);
    }

    @Bean
    MeasureEngine measureEngine(MeasureEngine.Settings settings) {
        return new MeasureEngine(settings);
    }
}
