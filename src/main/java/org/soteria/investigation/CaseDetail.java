package org.soteria.investigation;

import java.time.LocalDate;
import java.util.List;
import org.soteria.reference.Coded;
import org.soteria.reference.ReportSource;

/** Everything the case page shows: the record, its people and its timeline. */
public record CaseDetail(long id, String crimeRef, String forceCode, String recordType, Integer n100Code,
        String offenceCode, String offenceDescription, String offenceGroupLabel, LocalDate recordedDate,
        LocalDate offenceDate, String reportSource, Boolean victimConsented, String teamCode, String teamName,
        String officerCode, String officerName, String outcomeCode, String outcomeName, String outcomeGroupLabel,
        LocalDate outcomeDate, boolean restricted, List<CasePerson> people, List<TimelineEvent> timeline) {

    /** Who reported the crime, in words. */
    public String reportedBy() {
        return Coded.parse(ReportSource.class, reportSource).map(ReportSource::label).orElse(reportSource);
    }

    /** Whether someone other than the victim made the report. */
    public boolean thirdPartyReport() {
        return !ReportSource.VICTIM.code().equals(reportSource);
    }

    /** A person linked to the crime. */
    public record CasePerson(@com.fasterxml.jackson.annotation.JsonIgnore long personRef, String personId, String role, String name, String dateOfBirth, String sex,
            String relationship, Integer ageAtOffence, String postcode, String pncId) {
    }

    /** One event on the timeline, with the date-time in Europe/London. */
    public record TimelineEvent(String eventId, String eventType, String label, String category,
            java.time.ZonedDateTime occurredAt, boolean timed, String personName, String personRole,
            String officerCode, String officerName, String detail) {

        /** The message code of the event's category ({@code eventCategory.investigation}); empty for an unknown type. */
        public String categoryKey() {
            return org.soteria.reference.EventType.parse(eventType)
                    .map(t -> "eventCategory." + t.category().name().toLowerCase(java.util.Locale.ROOT)).orElse("");
        }
    }
}
