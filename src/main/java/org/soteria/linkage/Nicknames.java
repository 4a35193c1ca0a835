package org.soteria.linkage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Groups of given names and their diminutives (Arthur, Art, Artie), from {@code linkage/nicknames.txt}. */
public final class Nicknames {

    private static final int[] NONE = new int[0];
    private final Map<String, int[]> groups;

    private Nicknames(Map<String, int[]> groups) {
        this.groups = groups;
    }

    /** The list shipped with Soteria. */
    public static Nicknames standard() {
        try (InputStream in = Nicknames.class.getResourceAsStream("/linkage/nicknames.txt")) {
            if (in == null) {
                throw new IllegalStateException("linkage/nicknames.txt is missing from the classpath");
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Nicknames read(BufferedReader reader) throws IOException {
        Map<String, List<Integer>> byName = new HashMap<>();
        int group = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            for (String name : trimmed.split("\\s+")) {
                String key = Text.name(name);
                List<Integer> list = byName.computeIfAbsent(key, k -> new ArrayList<>());
                if (!list.contains(group)) {
                    list.add(group);
                }
            }
            group++;
        }
        Map<String, int[]> groups = new HashMap<>();
        byName.forEach((name, list) -> groups.put(name, list.stream().mapToInt(Integer::intValue).toArray()));
        return new Nicknames(groups);
    }

    int[] groupsOf(String normalisedName) {
        return groups.getOrDefault(normalisedName, NONE);
    }

    /** True when the two (normalised) names share a group. */
    static boolean shareGroup(int[] a, int[] b) {
        for (int x : a) {
            for (int y : b) {
                if (x == y) {
                    return true;
                }
            }
        }
        return false;
    }
}
