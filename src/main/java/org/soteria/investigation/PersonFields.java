package org.soteria.investigation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.soteria.platform.FieldCipher;
import org.springframework.stereotype.Component;

/**
 * Which of a person's fields are encrypted at rest, and how: each bound to its person (force and
 * person id) and column, with keyed hashes of the given and family names for search and a keyed hash
 * of all of them so that an import can tell an unchanged person without decrypting (ADR 8).
 */
@Component
public class PersonFields {

    /** The encrypted columns of {@code person}, in this order everywhere. */
    public static final List<String> ENCRYPTED = List.of("given_name", "middle_names", "family_name", "postcode",
            "address", "phone", "email");
    public static final int GIVEN = 0;
    public static final int FAMILY = 2;

    private final FieldCipher cipher;

    public PersonFields(FieldCipher cipher) {
        this.cipher = cipher;
    }

    /** The stored form of one person's encrypted fields. */
    public record Sealed(String[] values, String givenNameIndex, String familyNameIndex, String mac, String keyId) {
    }

    public Sealed seal(String force, String personId, String[] plain) {
        String[] out = new String[ENCRYPTED.size()];
        StringBuilder canonical = new StringBuilder();
        for (int i = 0; i < out.length; i++) {
            out[i] = cipher.encrypt(plain[i], context(force, personId, ENCRYPTED.get(i)));
            canonical.append(plain[i] == null ? "-" : plain[i].getBytes(StandardCharsets.UTF_8).length + ":" + plain[i])
                    .append(';');
        }
        return new Sealed(out, nameIndex(plain[GIVEN]), nameIndex(plain[FAMILY]),
                cipher.index("person-fields;" + canonical), cipher.currentKeyId());
    }

    public String[] open(String force, String personId, String[] stored) {
        String[] out = new String[stored.length];
        for (int i = 0; i < stored.length; i++) {
            out[i] = open(force, personId, ENCRYPTED.get(i), stored[i]);
        }
        return out;
    }

    public String open(String force, String personId, String column, String stored) {
        return cipher.decrypt(stored, context(force, personId, column));
    }

    /** The search hash of a name (given or family) as a person would type it. */
    public String nameIndex(String name) {
        return cipher.index(FieldCipher.normaliseName(name));
    }

    public String currentKeyId() {
        return cipher.currentKeyId();
    }

    private static String context(String force, String personId, String column) {
        return "person/" + force + "/" + personId + "/" + column;
    }
}
