package org.soteria.investigation;

import java.time.LocalDate;

/** One row of the case list. */
public record CaseSummary(long id, String crimeRef, String forceCode, String recordType, String offenceCode,
        String offenceDescription, LocalDate recordedDate, String teamCode, String officerCode, String officerName,
        String outcomeCode, String outcomeGroupLabel, LocalDate outcomeDate) {

    public boolean open() {
        return "crime".equals(recordType) && outcomeCode == null;
    }
}
