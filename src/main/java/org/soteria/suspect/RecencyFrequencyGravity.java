package org.soteria.suspect;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.soteria.platform.Fault;
import org.springframework.stereotype.Component;

/**
 * Recency, Frequency, Gravity, as used for serial domestic-abuse perpetrators (MATAC): each 1 to 5
 * points, summed (3 to 15). Recency: days since the latest crime (5 within 90, 4 within 180, 3 within
 * a year, 2 within two, else 1). Frequency: crimes in the window (5 or more: 5). Gravity: the gravest
 * offence group (rape of an adult or a child 5, sexual assault 3, other sexual offences 2).
 */
@Component("rfg")
class RecencyFrequencyGravity implements PriorityStrategy {

    @Override
    public String name() {
        return "Recency, frequency, gravity";
    }

    @Override
    public String description() {
        return "Each of recency (days since the latest crime), frequency (crimes in the window) and gravity (the gravest "
                + "offence) scores 1 to 5; the priority is their sum, 3 to 15.";
    }

    @Override
    public Priority score(List<SuspectRepository.CrimeLink> crimes, LocalDate asOf) {
        LocalDate latest = crimes.stream().map(SuspectRepository.CrimeLink::recordedDate).max(LocalDate::compareTo)
                .orElse(asOf);
        long days = ChronoUnit.DAYS.between(latest, asOf);
        int recency = days <= 90 ? 5 : days <= 180 ? 4 : days <= 365 ? 3 : days <= 730 ? 2 : 1;
        int frequency = Math.min(5, Math.max(1, crimes.size()));
        int gravity = 1;
        String gravest = "#priority.noneRecorded";
        for (SuspectRepository.CrimeLink c : crimes) {
            int g = switch (c.offenceGroup()) {
                case "adult_rape", "child_rape" -> 5;
                case "sexual_assault" -> 3;
                default -> 2;
            };
            if (g > gravity) {
                gravity = g;
                gravest = "~choice.OffenceGroup." + c.offenceGroup();
            }
        }
        return new Priority(name(), recency + frequency + gravity, List.of(
                new Component("Recency", recency, Fault.of("priority.basis.recency", days)),
                new Component("Frequency", frequency, Fault.of("priority.basis.frequency", crimes.size())),
                new Component("Gravity", gravity, Fault.of("priority.basis.gravity", gravest))));
    }
}
