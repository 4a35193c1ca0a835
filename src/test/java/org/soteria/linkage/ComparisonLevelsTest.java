package org.soteria.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every comparison level of every field, on pairs of records built to show it. */
class ComparisonLevelsTest {

    private static PersonRecord person(String id, String given, String family, String dob, String postcode) {
        return new PersonRecord(id, given, null, family, dob, null, postcode, null, null, null, null);
    }

    private static String level(Field field, PersonRecord a, PersonRecord b) {
        RecordSet set = new RecordSet(List.of(a, b), Nicknames.standard());
        return field.level(field.of(new Comparator(set).pattern(0, 1)));
    }

    private static String given(String a, String b) {
        return level(Field.GIVEN_NAME, person("a", a, "Hughes", null, null), person("b", b, "Hughes", null, null));
    }

    private static String family(String a, String b) {
        return level(Field.FAMILY_NAME, person("a", "Ann", a, null, null), person("b", "Ann", b, null, null));
    }

    private static String dob(String a, String b) {
        return level(Field.DATE_OF_BIRTH, person("a", "Ann", "Hughes", a, null), person("b", "Ann", "Hughes", b, null));
    }

    private static String postcode(String a, String b) {
        return level(Field.POSTCODE, person("a", "Ann", "Hughes", null, a), person("b", "Ann", "Hughes", null, b));
    }

    @Test
    void givenNameLevels() {
        assertThat(given("Arthur", "ARTHUR ")).isEqualTo("exact");
        assertThat(given("Arthur", "Artie")).isEqualTo("nickname or diminutive");
        assertThat(given("Jonathan", "Jonathon")).isEqualTo("close spelling (Jaro-Winkler 0.94+)");
        assertThat(given("Stephen", "Steven")).isEqualTo("sounds the same (Double Metaphone)");
        assertThat(given("Marcus", "Marcel")).isEqualTo("similar spelling (Jaro-Winkler 0.85+)");
        assertThat(given("A", "Arthur")).isEqualTo("initial only");
        assertThat(given("Arthur", "Brian")).isEqualTo("different");
        assertThat(given(null, "Arthur")).isEqualTo("missing");
        assertThat(level(Field.GIVEN_NAME, person("a", "Morgan", "Rhys", null, null), person("b", "Rhys", "Morgan", null, null)))
                .isEqualTo("swapped with family name");
        assertThat(level(Field.FAMILY_NAME, person("a", "Morgan", "Rhys", null, null), person("b", "Rhys", "Morgan", null, null)))
                .as("a swap counts once, on the given name").isEqualTo("missing");
        assertThat(level(Field.GIVEN_NAME, person("a", "Egerton", null, null, null), person("b", "Julian", "Egerton", null, null)))
                .as("one name, keyed as the given name, is the other's family name").isEqualTo("swapped with family name");
        assertThat(level(Field.GIVEN_NAME, person("a", "Julian", null, null, null), person("b", "Julian", "Egerton", null, null)))
                .isEqualTo("exact");
    }

    @Test
    void familyNameLevels() {
        assertThat(family("O'Brien", "obrien")).isEqualTo("exact");
        assertThat(family("Vaughan-Jones", "Jones")).isEqualTo("close spelling (Jaro-Winkler 0.94+) or part of the other");
        assertThat(family("Knight", "Nite")).isEqualTo("sounds the same (Double Metaphone)");
        assertThat(family("Pritchard", "Pritchett")).isEqualTo("similar spelling (Jaro-Winkler 0.85+)");
        assertThat(family("Hughes", "Pritchard")).isEqualTo("different");
        assertThat(family("", "Hughes")).isEqualTo("missing");
    }

    @Test
    void dateOfBirthLevels() {
        assertThat(dob("1990-03-04", "04/03/1990")).isEqualTo("exact");
        assertThat(dob("1990-03-04", "1990-04-03")).isEqualTo("day and month transposed");
        assertThat(dob("1990-03-04", "1990-03-07")).isEqualTo("one digit wrong or two swapped");
        assertThat(dob("1990-03-14", "1909-03-14")).isEqualTo("one digit wrong or two swapped");
        assertThat(dob("1990-03-04", "1989-03-04")).isEqualTo("year one out");
        assertThat(dob("1990", "1990-03-04")).isEqualTo("partial date that agrees");
        assertThat(dob("1990-03", "1990-03-04")).isEqualTo("partial date that agrees");
        assertThat(dob("1990-05", "1990-03-04")).isEqualTo("same year");
        assertThat(dob("1990-03-04", "1990-03-27")).isEqualTo("same year and month");
        assertThat(dob("1990-03-04", "1990-11-27")).isEqualTo("same year");
        assertThat(dob("1990-03-04", "1991-11-27")).isEqualTo("year one out");
        assertThat(dob("1990-03-04", "1975-11-22")).isEqualTo("different");
        assertThat(dob(null, "1990-03-04")).isEqualTo("missing");
        assertThat(dob("not a date", "1990-03-04")).isEqualTo("missing");
        assertThat(dob("1853-00-22", "1853-01-22")).as("an impossible date keeps its digits").isEqualTo("one digit wrong or two swapped");
        assertThat(dob("1855-21-01", "1855-01-21")).isEqualTo("day and month transposed");
        assertThat(dob("1734-81-01", "1734-81-01")).isEqualTo("exact");
    }

    @Test
    void postcodeLevels() {
        assertThat(postcode("LL57 2DG", "ll572dg")).isEqualTo("full postcode");
        assertThat(postcode("LL57 2DG", "LL57 2PW")).isEqualTo("same sector");
        assertThat(postcode("LL57 2DG", "LL57 1AA")).isEqualTo("same district");
        assertThat(postcode("4011", "4012")).isEqualTo("one character different");
        assertThat(postcode("LL57 2DG", "CH1 1AA")).isEqualTo("different");
        assertThat(postcode(null, "CH1 1AA")).isEqualTo("missing");
    }

    @Test
    void otherFields() {
        PersonRecord a = new PersonRecord("a", "Ann", null, "Hughes", null, "female", null, "12 High Street Bangor",
                "Wrexham", "01/123456A", "ann.h@example.org");
        PersonRecord same = new PersonRecord("b", "Ann", null, "Hughes", null, "F", null, "12 High Street Bangor",
                "wrexham", "01/123456A", "ann.h@example.org");
        PersonRecord near = new PersonRecord("c", "Ann", null, "Hughes", null, "male", null, "12 High St Bangor",
                "Wrexam", "01/123457A", "ann.h@example.com");
        PersonRecord far = new PersonRecord("d", "Ann", null, "Hughes", null, "unknown", null, "Flat 3 Bangor Road Conwy",
                "Cardiff", "99/999999Z", "someone@else.net");
        assertThat(level(Field.SEX, a, same)).isEqualTo("same");
        assertThat(level(Field.SEX, a, near)).isEqualTo("different");
        assertThat(level(Field.SEX, a, far)).isEqualTo("missing");
        assertThat(level(Field.BIRTH_PLACE, a, same)).isEqualTo("exact");
        assertThat(level(Field.BIRTH_PLACE, a, near)).isEqualTo("similar (Jaro-Winkler 0.9+)");
        assertThat(level(Field.BIRTH_PLACE, a, far)).isEqualTo("different");
        assertThat(level(Field.ADDRESS, a, same)).isEqualTo("exact");
        assertThat(level(Field.ADDRESS, a, near)).isEqualTo("similar (Jaro-Winkler 0.9+)");
        assertThat(level(Field.ADDRESS, new PersonRecord("x", null, null, null, null, null, null, "12 High Street Bangor",
                null, null, null), new PersonRecord("y", null, null, null, null, null, null, "Flat 2 High Street Bangor", null,
                null, null))).isEqualTo("half the words shared (Jaccard 0.5+)");
        assertThat(level(Field.ADDRESS, a, far)).isEqualTo("different");
        assertThat(level(Field.PNC_ID, a, same)).isEqualTo("exact");
        assertThat(level(Field.PNC_ID, a, near)).isEqualTo("one character different");
        assertThat(level(Field.PNC_ID, a, far)).isEqualTo("different");
        assertThat(level(Field.EMAIL, a, same)).isEqualTo("exact");
        assertThat(level(Field.EMAIL, a, near)).isEqualTo("similar (same user name or Jaro-Winkler 0.9+)");
        assertThat(level(Field.EMAIL, a, far)).isEqualTo("different");
    }

    @Test
    void valuesThatDoNotParseAreCountedAsMissingAndImpossibleDatesAreCounted() {
        RecordSet set = new RecordSet(List.of(
                new PersonRecord("a", "Ann", null, "Hughes", "1990-13-01", "f", null, null, null, null, null),
                new PersonRecord("b", "Ann", null, "Hughes", "not a date", "robot", null, null, null, null, null),
                new PersonRecord("c", "Ann", null, "Hughes", "0990-01-01", "", null, null, null, null, null),
                new PersonRecord("d", "Ann", null, "Hughes", "1990-02-30", "", null, null, null, null, null),
                new PersonRecord("e", "Ann", null, "Hughes", "1990-01-01", "", null, null, null, null, null)),
                Nicknames.standard());
        assertThat(set.warnings()).as("not dates: text and a year before 1000; impossible but kept: month 13, 30 February")
                .isEqualTo(new RecordSet.Warnings(2, 2, 1));
    }
}
