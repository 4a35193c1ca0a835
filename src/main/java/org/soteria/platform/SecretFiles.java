package org.soteria.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files holding keys and secrets: created readable and writable by their owner alone (0600) from the first byte,
 * never written and then narrowed, and refused when another user could read them. On file systems without POSIX
 * permissions (Windows) the folder's own access control applies and nothing is checked.
 */
public final class SecretFiles {

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private SecretFiles() {
    }

    /** Creates the file (and its folders) empty and private, unless it exists; returns whether it was created. */
    public static boolean createPrivate(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            if (posix(file.toAbsolutePath().getParent())) {
                FileAttribute<Set<PosixFilePermission>> owner = PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------"));
                Files.createFile(file, owner);
            } else {
                Files.createFile(file);
            }
            return true;
        } catch (FileAlreadyExistsException exists) {
            return false;
        }
    }

    /** Writes a new secret file, private from the start; refuses to overwrite one. */
    public static void writeNew(Path file, String content) {
        try {
            if (!createPrivate(file)) {
                throw new IllegalStateException("Will not overwrite the key file " + file);
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the key file " + file, e);
        }
    }

    /** Reads a secret file, refusing it when its group or other users have any access to it. */
    public static String readPrivate(Path file, String what) {
        try {
            if (posix(file)) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                Set<PosixFilePermission> open = EnumSet.copyOf(OTHERS);
                open.retainAll(perms);
                if (!open.isEmpty()) {
                    throw new IllegalStateException("The " + what + " " + file + " can be read or changed by other "
                            + "users (" + PosixFilePermissions.toString(perms) + "); make it private to the user "
                            + "Soteria runs as (chmod 600 " + file + ") and start again");
                }
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the " + what + " " + file, e);
        }
    }

    private static boolean posix(Path path) {
        return path != null && Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }
}
