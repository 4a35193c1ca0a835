package org.soteria.linkage;

/**
 * One person record as the source holds it: the identifying fields of {@code people.csv}, any of them
 * empty. The engine never changes a record; it only says which records are the same person.
 */
public record PersonRecord(String personId, String givenName, String middleNames, String familyName,
        String dateOfBirth, String sex, String postcode, String address, String birthPlace, String pncId,
        String email) {

    public PersonRecord {
        if (personId == null || personId.isBlank()) {
            throw new IllegalArgumentException("a person record needs a person_id");
        }
    }
}
