package org.soteria.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A bundle's files, read from a folder or a .zip of one. Names are relative to the bundle root
 * ({@code cases.csv}, {@code mappings/sex.csv}); a zip whose files sit in one top folder is read from that folder.
 */
final class BundleSource implements AutoCloseable {

    private final Path path;
    private final ZipFile zip;
    private final String zipPrefix;
    private final TreeMap<String, Object> files = new TreeMap<>();

    private BundleSource(Path path, ZipFile zip, String zipPrefix) {
        this.path = path;
        this.zip = zip;
        this.zipPrefix = zipPrefix;
    }

    static BundleSource open(Path path) {
        if (!Files.exists(path)) {
            throw new BundleException("No such bundle: " + path + " (give a folder or a .zip file)");
        }
        if (Files.isDirectory(path)) {
            BundleSource source = new BundleSource(path, null, "");
            try (Stream<Path> walk = Files.walk(path, 2)) {
                walk.filter(Files::isRegularFile).forEach(f -> source.files.put(
                        path.relativize(f).toString().replace('\\', '/'), f));
            } catch (IOException e) {
                throw new BundleException("Cannot read the bundle folder " + path + ": " + e.getMessage(), e);
            }
            return source.requireCases();
        }
        try {
            ZipFile zip = new ZipFile(path.toFile());
            List<String> names = new ArrayList<>();
            zip.stream().filter(e -> !e.isDirectory()).forEach(e -> names.add(e.getName()));
            String prefix = "";
            if (!names.contains("cases.csv")) {
                prefix = names.stream().filter(n -> n.endsWith("/cases.csv") && n.indexOf('/') == n.length() - 10)
                        .map(n -> n.substring(0, n.length() - "cases.csv".length())).findFirst().orElse("");
            }
            BundleSource source = new BundleSource(path, zip, prefix);
            for (String n : names) {
                if (n.startsWith(prefix)) {
                    source.files.put(n.substring(prefix.length()), zip.getEntry(n));
                }
            }
            return source.requireCases();
        } catch (ZipException e) {
            throw new BundleException("Cannot read " + path + ": it is neither a folder nor a readable zip file ("
                    + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new BundleException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private BundleSource requireCases() {
        if (!files.containsKey("cases.csv")) {
            close();
            throw new BundleException("The bundle " + path + " has no cases.csv (the one file a bundle must have)");
        }
        return this;
    }

    Path path() {
        return path;
    }

    boolean has(String name) {
        return files.containsKey(name);
    }

    List<String> names() {
        return List.copyOf(files.keySet());
    }

    Optional<InputStream> open(String name) {
        Object f = files.get(name);
        if (f == null) {
            return Optional.empty();
        }
        try {
            if (f instanceof Path p) {
                return Optional.of(Files.newInputStream(p));
            }
            return Optional.of(zip.getInputStream((ZipEntry) f));
        } catch (IOException e) {
            throw new BundleException("Cannot read " + name + " in " + path + ": " + e.getMessage(), e);
        }
    }

    long size(String name) {
        Object f = files.get(name);
        try {
            if (f instanceof Path p) {
                return Files.size(p);
            }
            return f == null ? -1 : ((ZipEntry) f).getSize();
        } catch (IOException e) {
            return -1;
        }
    }

    /** SHA-256 of the bundle as given (the zip file, or the folder's files in name order). */
    String checksum() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            if (zip != null) {
                digestStream(digest, Files.newInputStream(path));
            } else {
                for (String name : files.keySet()) {
                    digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    digestStream(digest, open(name).orElseGet(() -> new ByteArrayInputStream(new byte[0])));
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void digestStream(MessageDigest digest, InputStream in) throws IOException {
        try (DigestInputStream d = new DigestInputStream(in, digest)) {
            d.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    @Override
    public void close() {
        if (zip != null) {
            try {
                zip.close();
            } catch (IOException ignored) {
                // Closing a zip we only read cannot lose data.
            }
        }
    }
}
