package org.soteria.victim;

import java.time.LocalDate;
import java.util.List;

/**
 * A Victims' Code for unit tests, built from explicit inputs: the 2021 Code's limits and the one-off
 * bank holiday changes of 2020 to 2023. VictimsCodeRulesIT checks the rules the database ships.
 */
public final class CodeFixture {

    public static final List<WorkingDays.Change> CHANGES = List.of(
            new WorkingDays.Change(LocalDate.of(2020, 5, 4), LocalDate.of(2020, 5, 8), "VE Day 75"),
            new WorkingDays.Change(LocalDate.of(2022, 5, 30), LocalDate.of(2022, 6, 2), "Platinum Jubilee, moved"),
            new WorkingDays.Change(null, LocalDate.of(2022, 6, 3), "Platinum Jubilee"),
            new WorkingDays.Change(null, LocalDate.of(2022, 9, 19), "State funeral"),
            new WorkingDays.Change(null, LocalDate.of(2023, 5, 8), "Coronation"));

    public static final VictimsCode.Version CODE_2021 =
            new VictimsCode.Version("Code 2021", LocalDate.of(2021, 4, 1), 1, 2);

    private CodeFixture() {
    }

    public static VictimsCode code() {
        return new VictimsCode(new WorkingDays(CHANGES), List.of(CODE_2021));
    }
}
