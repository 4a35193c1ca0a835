package org.soteria.investigation;

/**
 * How the importer writes a bundle's staged rows into the case record: the owner's statements (ADR 21). Each
 * reads the importer's common table {@code src} (one row per key, already checked and resolved) and writes the
 * table itself, not its view, because the importer counts inserts and updates by each returned row's
 * {@code xmax}, which a view does not carry. A row is updated only when something in it changed.
 */
public final class CaseRecordImport {

    /** cases.csv: a crime is inserted, or updated when any of its values differ. */
    public static final String CRIMES = "insert into crime (force_code, crime_ref, record_type, n100_code, "
            + "offence_code, recorded_date, "
            + "offence_date, report_source, victim_consented, team_code, officer_code, outcome_code, "
            + "outcome_date, restricted) select force_code, crime_ref, record_type, n100_code, offence_code, "
            + "recorded_date, offence_date, report_source, victim_consented, team_code, officer_code, "
            + "outcome_code, outcome_date, restricted from src on conflict (force_code, crime_ref) do update "
            + "set record_type = excluded.record_type, n100_code = excluded.n100_code, "
            + "offence_code = excluded.offence_code, recorded_date = excluded.recorded_date, "
            + "offence_date = excluded.offence_date, report_source = excluded.report_source, "
            + "victim_consented = excluded.victim_consented, team_code = excluded.team_code, "
            + "officer_code = excluded.officer_code, outcome_code = excluded.outcome_code, "
            + "outcome_date = excluded.outcome_date, restricted = excluded.restricted "
            + "where (crime.record_type, crime.n100_code, crime.offence_code, crime.recorded_date, "
            + "crime.offence_date, crime.report_source, crime.victim_consented, crime.team_code, "
            + "crime.officer_code, crime.outcome_code, crime.outcome_date, crime.restricted) "
            + "is distinct from (excluded.record_type, excluded.n100_code, excluded.offence_code, "
            + "excluded.recorded_date, excluded.offence_date, excluded.report_source, "
            + "excluded.victim_consented, excluded.team_code, excluded.officer_code, excluded.outcome_code, "
            + "excluded.outcome_date, excluded.restricted)";

    /**
     * people.csv: a person is inserted, or updated when the keyed hash of their plaintext or an unencrypted
     * field differs (the ciphertext differs on every import).
     */
    public static final String PEOPLE = "insert into person (force_code, person_id, given_name, middle_names, "
            + "family_name, date_of_birth, sex, "
            + "postcode, address, birth_place, pnc_id, phone, email, given_name_index, family_name_index, "
            + "name_keys, name_keys_by, fields_mac, key_id, encrypted) select force_code, person_id, given_name, "
            + "middle_names, family_name, date_of_birth, sex, postcode, address, birth_place, pnc_id, phone, email, "
            + "given_name_index, family_name_index, name_keys, name_keys_by, fields_mac, key_id, true "
            + "from src on conflict (force_code, person_id) do update set "
            + "given_name = excluded.given_name, middle_names = excluded.middle_names, "
            + "family_name = excluded.family_name, date_of_birth = excluded.date_of_birth, "
            + "sex = excluded.sex, postcode = excluded.postcode, address = excluded.address, "
            + "birth_place = excluded.birth_place, pnc_id = excluded.pnc_id, phone = excluded.phone, "
            + "email = excluded.email, given_name_index = excluded.given_name_index, "
            + "family_name_index = excluded.family_name_index, name_keys = excluded.name_keys, "
            + "name_keys_by = excluded.name_keys_by, fields_mac = excluded.fields_mac, "
            + "key_id = excluded.key_id, encrypted = true "
            + "where (person.fields_mac, person.date_of_birth, person.sex, person.birth_place, person.pnc_id) "
            + "is distinct from (excluded.fields_mac, excluded.date_of_birth, excluded.sex, "
            + "excluded.birth_place, excluded.pnc_id)";

    /** case_people.csv, its references resolved to ids: a person's role in a crime. */
    public static final String CASE_PEOPLE = "insert into case_person (crime_id, person_ref, role, relationship, age_at_offence) "
            + "select crime_id, person_ref, role, relationship, age_at_offence from src "
            + "on conflict (crime_id, person_ref, role) do update set relationship = excluded.relationship, "
            + "age_at_offence = excluded.age_at_offence where (case_person.relationship, "
            + "case_person.age_at_offence) is distinct from (excluded.relationship, excluded.age_at_offence)";

    /** events.csv, its references resolved to ids: an event is inserted, or updated when any of its values differ. */
    public static final String EVENTS = "insert into event (force_code, event_key, event_id, crime_id, event_type, occurred_at, occurred_timed, "
            + "person_ref, officer_code, detail) select rforce, event_key, event_id, crime_id, event_type, "
            + "occurred_at, occurred_timed, person_ref, officer_code, detail from src "
            + "on conflict (force_code, event_key) do update set event_id = excluded.event_id, "
            + "crime_id = excluded.crime_id, event_type = excluded.event_type, "
            + "occurred_at = excluded.occurred_at, occurred_timed = excluded.occurred_timed, "
            + "person_ref = excluded.person_ref, officer_code = excluded.officer_code, "
            + "detail = excluded.detail where (event.event_id, event.crime_id, event.event_type, "
            + "event.occurred_at, event.occurred_timed, event.person_ref, event.officer_code, event.detail) "
            + "is distinct from (excluded.event_id, excluded.crime_id, excluded.event_type, "
            + "excluded.occurred_at, excluded.occurred_timed, excluded.person_ref, excluded.officer_code, "
            + "excluded.detail)";

    private CaseRecordImport() {
    }
}
