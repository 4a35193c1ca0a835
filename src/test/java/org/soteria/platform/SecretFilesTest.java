package org.soteria.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key files are private from their first byte and refused once others can read them. */
class SecretFilesTest {

    @TempDir
    Path dir;

    @Test
    void aNewKeyFileIsPrivateAndNeverOverwritten() throws Exception {
        Path key = dir.resolve("keys/field-keys.properties");
        SecretFiles.writeNew(key, "keys=k1:abc\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(SecretFiles.readPrivate(key, "field encryption key file")).isEqualTo("keys=k1:abc\n");
        assertThatThrownBy(() -> SecretFiles.writeNew(key, "keys=k2:xyz\n")).hasMessageContaining("Will not overwrite");
        assertThat(Files.readString(key)).isEqualTo("keys=k1:abc\n");
    }

    @Test
    void aKeyFileOthersCanReadIsRefusedWithWhatToDo() throws Exception {
        Path key = dir.resolve("audit-signing-key.pem");
        SecretFiles.writeNew(key, "secret");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> SecretFiles.readPrivate(key, "audit signing key"))
                .hasMessageContaining("can be read or changed by other users (rw-r--r--)")
                .hasMessageContaining("chmod 600 " + key);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-rw----"));
        assertThatThrownBy(() -> SecretFiles.readPrivate(key, "audit signing key")).hasMessageContaining("rw-rw----");
    }
}
