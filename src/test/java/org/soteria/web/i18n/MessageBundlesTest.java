package org.soteria.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The English and Welsh bundles are complete, each key in both, each Welsh message translated (issue 21). */
public class MessageBundlesTest {

    /** Keys whose Welsh is rightly the same as the English: names and codes. */
    private static final Set<String> SAME_IN_BOTH = Set.of("cases.status.n100", "service.name", "service.title", "language.en",
            "language.cy", "relationship.partner", "victim.plan.isva", "perf.csv", "project.data",
            "sample.kappa", "perf.row.part", "ddFile.person", "ddFile.personSex", "ddFile.offence",
            "ddFile.reportedBy");

    public static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources", name))) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyKeyIsInBothLanguagesAndEveryWelshMessageIsTranslated() throws IOException {
        Properties en = bundle("messages.properties");
        Properties cy = bundle("messages_cy.properties");
        assertThat(new TreeSet<>(cy.stringPropertyNames())).as("keys in Welsh")
                .isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        for (String key : en.stringPropertyNames()) {
            assertThat(en.getProperty(key)).as(key).isNotBlank();
            assertThat(cy.getProperty(key)).as(key).isNotBlank();
            if (!SAME_IN_BOTH.contains(key)) {
                assertThat(cy.getProperty(key)).as(key + " is not translated").isNotEqualTo(en.getProperty(key));
            }
            // Every message goes through MessageFormat: a lone apostrophe would vanish, a brace would break it.
            assertThat(new MessageFormat(en.getProperty(key)).getFormats().length)
                    .as(key + " takes the same arguments in Welsh")
                    .isEqualTo(new MessageFormat(cy.getProperty(key)).getFormats().length);
        }
    }

    /**
     * A choice whose words carry an argument ({@code 1<{0} wedi''u …}) is formatted a second time, where a single
     * apostrophe starts a quotation and vanishes: there it is written four times ({@code ''''}). A choice without an
     * argument is not formatted again, so there it is written twice, as elsewhere.
     */
    @Test
    void apostrophesSurviveInChoicesWithArguments() throws IOException {
        List<String> lost = new ArrayList<>();
        for (String name : List.of("messages.properties", "messages_cy.properties")) {
            Properties p = bundle(name);
            for (String key : p.stringPropertyNames()) {
                for (java.text.Format f : new MessageFormat(p.getProperty(key)).getFormats()) {
                    if (f instanceof java.text.ChoiceFormat choice) {
                        for (Object words : choice.getFormats()) {
                            String w = String.valueOf(words);
                            if (w.contains("{") && w.replace("''", "").contains("'")) {
                                lost.add(name + ": " + key + ": " + w);
                            }
                            // a branch with no argument is not formatted again: four apostrophes there print two
                            if (!w.contains("{") && w.contains("''")) {
                                lost.add(name + ": " + key + " (doubled: write two apostrophes here): " + w);
                            }
                        }
                    }
                }
            }
        }
        assertThat(lost).isEmpty();
    }

    @Test
    void everyMessageATemplateOrTheNavigationAsksForExists() throws IOException {
        Properties en = bundle("messages.properties");
        Pattern expression = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = expression.matcher(Files.readString(f));
                while (m.find()) {
                    if (!en.containsKey(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        Pattern nav = Pattern.compile("NavItem\\.of\\(\"[^\"]+\", \"([^\"]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith("Routes.java")).toList()) {
                Matcher m = nav.matcher(Files.readString(f));
                while (m.find()) {
                    if (!en.containsKey(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        // Faults written in Java as message codes: "{code}" and "{code|arg…}" literals, and those Fault builds.
        // Fault.of("code", …) and the field label codes of Fault's helpers and of the form annotations (label = "…").
        Pattern inJava = Pattern.compile("\"\\{([a-zA-Z][\\w.]*)(?:\\}\"|\\|)|Fault\\.\\w+\\(\"([\\w.]+)\""
                + "|label = \"([\\w.]+)\"|Fault\\.notBefore\\(\"[\\w.]+\", \"([\\w.]+)\"|\"[#~]([a-z]\\w*(?:\\.\\w+)+)\""
                + "|\"((?:field|when|homeWork|homeFigure)\\.\\w+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = inJava.matcher(Files.readString(f));
                while (m.find()) {
                    for (int g = 1; g <= m.groupCount(); g++) {
                        if (m.group(g) != null && !en.containsKey(m.group(g))) {
                            missing.add(f.getFileName() + ": " + m.group(g));
                        }
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /**
     * A fault or confirmation a page shows is a message code ({@code "{code}"} or {@code Fault}), never English
     * written in Java: the service's refusals, a form's faults and a redirect's one-line messages.
     */
    @Test
    void faultsWrittenInJavaAreMessageCodes() throws IOException {
        Pattern english = Pattern.compile("(?:new (?:Invalid|Failed)\\((?:\"[\\w.-]+\",\\s*)?"
                + "|(?:errors|faults|invalid)\\.put(?:IfAbsent)?\\([^,;]+,\\s*"
                + "|addFlashAttribute\\(\"(?:success|saved|problem)\",\\s*(?:[^;]*\\? )?|message = )\"([A-Z][^\"]*)\"");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = english.matcher(Files.readString(f));
                while (m.find()) {
                    found.add(f.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
