package org.soteria.survey;

import java.time.LocalDate;

/** A focus group's theme, recorded against a pillar (1 to 6) of a survey wave (ADR 42). */
public record SurveyTheme(long id, LocalDate heldOn, int participants, int pillar, String theme, String note) {
}
