package org.soteria.survey;

import java.time.LocalDate;
import java.util.List;

/** A survey wave as its pages show it: the questionnaire version it was sent with, its teams and days; {@code taken} is
 *  how many officers have answered. */
public record SurveyWave(long id, String force, String title, String questionnaire, int version, List<String> teams,
        LocalDate openedOn, LocalDate closesOn, boolean closed, String createdBy, long taken) {
}
