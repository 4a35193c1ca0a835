package org.soteria.reference;

import java.util.LinkedHashMap;
import java.util.Map;

/** The six pillars of Operation Soteria (soteria.md), numbered as the programme numbers them. */
public enum Pillar {
    SUSPECT_FOCUSED("1. Suspect-focused investigation"),
    REPEAT_SUSPECTS("2. Identifying and disrupting repeat suspects"),
    PROCEDURAL_JUSTICE("3. Procedural justice for victims"),
    LEARNING_AND_WELLBEING("4. Learning, development and wellbeing of officers"),
    DATA_LED("5. Data-led performance monitoring"),
    DIGITAL_FORENSICS("6. Proportionate digital forensics");

    private final String label;

    Pillar(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The label of pillar {@code number} (1 to 6). */
    public static String label(int number) {
        return values()[number - 1].label;
    }

    /** The pillars as choices for a form: number to name. */
    public static Map<String, String> choices() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Pillar p : values()) {
            out.put(String.valueOf(p.ordinal() + 1), p.label);
        }
        return out;
    }
}
