package org.soteria.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bundle's {@code mappings/<column>.csv} files: a force's local values and the canonical value each
 * stands for, applied to a coded column before it is validated. Local values match case-insensitively.
 */
final class Mappings {

    private final Map<String, Map<String, String>> byColumn = new HashMap<>();

    static Mappings read(BundleSource source, List<ImportProblem> problems) {
        Mappings m = new Mappings();
        for (String name : source.names()) {
            if (!name.startsWith("mappings/") || !name.endsWith(".csv")) {
                continue;
            }
            String column = name.substring("mappings/".length(), name.length() - 4).toLowerCase(Locale.ROOT);
            Map<String, String> values = new HashMap<>();
            try (InputStream in = source.open(name).orElseThrow(); CsvReader reader = new CsvReader(in)) {
                String[] header = reader.next();
                int local = header == null ? -1 : indexOf(header, "local_value");
                int canonical = header == null ? -1 : indexOf(header, "canonical_value");
                if (local < 0 || canonical < 0) {
                    problems.add(new ImportProblem(name, 1, null, null,
                            "mapping file ignored: its header must name local_value and canonical_value", false));
                    continue;
                }
                String[] row;
                while ((row = reader.next()) != null) {
                    String l = cell(row, local);
                    String c = cell(row, canonical);
                    if (l.isEmpty() || c.isEmpty()) {
                        problems.add(new ImportProblem(name, reader.recordLine(), l.isEmpty() ? "local_value"
                                : "canonical_value", l.isEmpty() ? l : c, "mapping row ignored: both values are needed",
                                false));
                        continue;
                    }
                    values.put(l.toLowerCase(Locale.ROOT), c);
                }
            } catch (IOException e) {
                problems.add(new ImportProblem(name, 1, null, null, "mapping file could not be read: " + e.getMessage(),
                        false));
            }
            m.byColumn.put(column, values);
        }
        return m;
    }

    /** The canonical value for a local one, or the value itself when the column has no mapping for it. */
    String apply(String column, String value) {
        Map<String, String> values = byColumn.get(column);
        if (values == null || value.isEmpty()) {
            return value;
        }
        return values.getOrDefault(value.toLowerCase(Locale.ROOT), value);
    }

    static int indexOf(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].trim().replace("\uFEFF", "").equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    static String cell(String[] row, int index) {
        return index >= 0 && index < row.length ? row[index].trim() : "";
    }
}
