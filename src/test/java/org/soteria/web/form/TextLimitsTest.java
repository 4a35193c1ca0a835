package org.soteria.web.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every long text field shows how much it takes, read from the rule that checks it. */
class TextLimitsTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern LOOKUP = Pattern.compile("@limits\\.chars\\('([^']+)'\\)");

    private final TextLimits limits = new TextLimits();

    @Test
    void readsAFormRecordsRuleAndAServicesConstant() {
        assertThat(limits.chars("suspect.SuspectForms.LinkDecision.reason")).isEqualTo(500);
        assertThat(limits.chars("casework.CaseworkForms.Stage.guidance")).isEqualTo(1000);
        assertThat(limits.chars("security.AccessService.MAX_REASON"))
                .isEqualTo(org.soteria.security.AccessService.MAX_REASON);
    }

    @Test
    void aNameThatIsNoLimitFailsLoudly() {
        assertThatThrownBy(() -> limits.chars("suspect.SuspectForms.LinkDecision.decision"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No limit");
        assertThatThrownBy(() -> limits.chars("suspect.SuspectForms.NoSuchForm.reason"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No class");
        assertThatThrownBy(() -> limits.chars("security.AccessService.BREAK_GLASS_PERIOD"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limits.chars("nothing")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyTextareaCountsItsCharactersAgainstARealRule() throws IOException {
        List<String> uncounted = new ArrayList<>();
        List<String> lookups = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                if (file.endsWith(Path.of("fragments", "forms.html"))) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if ((line.contains(":: textarea") || line.contains("<textarea")) && !LOOKUP.matcher(line).find()) {
                        uncounted.add(TEMPLATES.relativize(file) + ":" + (i + 1));
                    }
                    Matcher m = LOOKUP.matcher(line);
                    while (m.find()) {
                        lookups.add(m.group(1));
                    }
                }
            }
        }
        assertThat(uncounted).as("textareas without a character count").isEmpty();
        assertThat(lookups).hasSizeGreaterThan(40);
        for (String member : lookups) {
            assertThat(limits.chars(member)).as(member).isBetween(100, 10_000);
        }
    }
}
