package org.soteria.investigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soteria.exchange.ImportProgress;
import org.soteria.platform.EmbeddedDatabase;
import org.soteria.platform.FieldCipher;
import org.soteria.exchange.ImportResult;
import org.soteria.exchange.ImportService;
import org.soteria.support.Bundles;
import org.soteria.support.DatabaseReset;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * People's names, contact details and addresses never reach the database in plaintext; rows from
 * before encryption are encrypted at start; a re-import of the same people changes nothing; keys
 * rotate; a ciphertext moved to another person does not decrypt.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"soteria.data-dir=:temporary:import", "spring.main.banner-mode=off"})
class PersonEncryptionIT {

    private static final List<String> SECRETS = List.of("Philippa", "Quartermaine", "Rosalind", "SW1A 1AA",
            "10 Downing Street", "07700 900456", "pq@example.org");

    @Autowired
    ImportService imports;

    @Autowired
    PersonFields fields;

    @Autowired
    PersonEncryption encryption;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    NameIndex names;

    @TempDir
    Path dir;

    @BeforeEach
    void load() {
        DatabaseReset.empty(":temporary:import");
        new Bundles(dir).file("cases.csv", "crime_ref,force_code,record_type,offence_code,recorded_date",
                        "A1,NWP,crime,19C,2024-01-10")
                .file("people.csv", "person_id,given_name,middle_names,family_name,postcode,address,phone,email,pnc_id",
                        "P1,Philippa,Rosalind,Quartermaine,SW1A 1AA,10 Downing Street,07700 900456,pq@example.org,"
                                + "11/123456A")
                .file("case_people.csv", "crime_ref,person_id,role", "A1,P1,victim");
        imports.importBundle(dir, "test", ImportProgress.NONE);
    }

    private String everyPersonValue() {
        return jdbc.sql("select string_agg(p::text, ' ') from person p").query(String.class).single();
    }

    @Test
    void noSensitiveFieldIsStoredInPlaintext() {
        String stored = everyPersonValue();
        for (String secret : SECRETS) {
            assertThat(stored).as(secret).doesNotContain(secret);
        }
        assertThat(stored).as("the PNC id is an identifier, not contact data").contains("11/123456A");
        var row = jdbc.sql("select force_code, person_id, given_name, address from person").query().singleRow();
        assertThat(fields.open("NWP", "P1", "address", (String) row.get("address"))).isEqualTo("10 Downing Street");
    }

    @Test
    void importingTheSamePeopleAgainChangesNothing() {
        ImportResult again = imports.importBundle(dir, "test", ImportProgress.NONE);
        assertThat(again.files()).filteredOn(f -> f.file().equals("people.csv"))
                .singleElement().satisfies(f -> assertThat(f.unchanged()).isOne());
    }

    @Test
    void rowsStoredBeforeEncryptionAreEncryptedAtStart() {
        DatabaseReset.owner(":temporary:import", "insert into person (force_code, person_id, given_name, family_name, "
                + "phone) values ('NWP', 'OLD1', 'Philippa', 'Quartermaine', '07700 900456')");
        assertThat(everyPersonValue()).contains("Quartermaine");
        assertThat(encryption.encryptPlaintext()).isOne();
        assertThat(everyPersonValue()).doesNotContain("Quartermaine", "07700 900456");
        assertThat(jdbc.sql("select count(*) from person where family_name_index = ?")
                .param(fields.nameIndex("QUARTERMAINE")).query(Long.class).single()).isEqualTo(2);
    }

    private java.util.Set<Long> storedNameKeys() {
        Long[] keys = (Long[]) jdbc.sql("select name_keys from person").query((rs, n) -> rs.getArray(1).getArray())
                .single();
        return new java.util.HashSet<>(List.of(keys));
    }

    /** Whether a search for {@code typed} finds the stored person under {@code index}'s keys. */
    private boolean finds(NameIndex index, String typed) {
        java.util.Set<Long> stored = storedNameKeys();
        return index.query(typed).stream().allMatch(w -> java.util.Arrays.stream(w.any()).anyMatch(stored::contains));
    }

    /** Issue 24, ADR 27: the name index's key rotates; half-way, a search under both keys still finds everyone. */
    @Test
    void theNameSearchKeyRotatesAndPeopleNotYetIndexedAreIndexed() throws Exception {
        Properties current = new Properties();
        try (var in = java.nio.file.Files.newBufferedReader(EmbeddedDatabase.directory(":temporary:import")
                .resolve("field-keys.properties"))) {
            current.load(in);
        }
        FieldCipher cipher = new FieldCipher(new MockEnvironment()
                .withProperty("soteria.encryption.keys", current.getProperty("keys"))
                .withProperty("soteria.encryption.index-key", current.getProperty("index-key")));
        byte[] s1 = new byte[32];
        new java.security.SecureRandom().nextBytes(s1);
        String newKey = "s1:" + Base64.getEncoder().encodeToString(s1);
        NameIndex both = new NameIndex(new org.soteria.platform.SearchKeys(new MockEnvironment()
                .withProperty("soteria.encryption.search-keys", newKey + "," + org.soteria.platform.SearchKeys.DERIVED),
                cipher));
        NameIndex onlyNew = new NameIndex(new org.soteria.platform.SearchKeys(new MockEnvironment()
                .withProperty("soteria.encryption.search-keys", newKey), cipher));

        assertThat(storedNameKeys()).as("an imported person is indexed").isNotEmpty();
        assertThat(finds(names, "Phil Quarter")).isTrue();
        assertThat(finds(both, "Phil Quarter")).as("half-way through a rotation, the old key still finds").isTrue();
        assertThat(finds(onlyNew, "Phil Quarter")).isFalse();
        assertThat(new PersonEncryption(jdbc, fields, both, transactions).reindexNames()).isOne();
        assertThat(jdbc.sql("select name_keys_by from person").query(String.class).single()).isEqualTo("s1");
        assertThat(finds(onlyNew, "Phil Quarter")).as("after it, the new key alone finds").isTrue();
        assertThat(finds(onlyNew, "Rosa")).as("middle names too").isTrue();
        assertThat(new PersonEncryption(jdbc, fields, both, transactions).reindexNames()).isZero();

        DatabaseReset.owner(":temporary:import", "update person set name_keys = null, name_keys_by = null");
        assertThat(encryption.reindexNames()).as("a person stored before the index").isOne();
        assertThat(finds(names, "Kwortermain")).as("by sound").isTrue();
    }

    @Test
    void rotationReencryptsUnderTheNewKeyAndTheOldKeyCanThenGo() throws Exception {
        Properties current = new Properties();
        try (var in = java.nio.file.Files.newBufferedReader(EmbeddedDatabase.directory(":temporary:import")
                .resolve("field-keys.properties"))) {
            current.load(in);
        }
        byte[] k2 = new byte[32];
        new java.security.SecureRandom().nextBytes(k2);
        String newKey = "k2:" + Base64.getEncoder().encodeToString(k2);
        PersonFields rotated = new PersonFields(new FieldCipher(new MockEnvironment()
                .withProperty("soteria.encryption.keys", newKey + "," + current.getProperty("keys"))
                .withProperty("soteria.encryption.index-key", current.getProperty("index-key"))));
        assertThat(new PersonEncryption(jdbc, rotated, names, transactions).rotate()).isOne();
        var row = jdbc.sql("select key_id, given_name from person").query().singleRow();
        assertThat(row.get("key_id")).isEqualTo("k2");
        PersonFields onlyNew = new PersonFields(new FieldCipher(new MockEnvironment()
                .withProperty("soteria.encryption.keys", newKey)
                .withProperty("soteria.encryption.index-key", current.getProperty("index-key"))));
        assertThat(onlyNew.open("NWP", "P1", "given_name", (String) row.get("given_name"))).isEqualTo("Philippa");
        assertThatThrownBy(() -> fields.open("NWP", "P1", "given_name", (String) row.get("given_name")))
                .as("the old configuration no longer has the key").hasMessageContaining("key 'k2'");
    }

    @Test
    void aCiphertextCopiedToAnotherPersonDoesNotDecrypt() {
        DatabaseReset.owner(":temporary:import", "insert into person (force_code, person_id, encrypted, given_name) "
                + "select 'NWP', 'P2', true, given_name from person where person_id = 'P1'");
        String copied = jdbc.sql("select given_name from person where person_id = 'P2'").query(String.class).single();
        assertThatThrownBy(() -> fields.open("NWP", "P2", "given_name", copied)).hasMessageContaining("integrity");
    }
}
