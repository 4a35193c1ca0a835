package org.soteria.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 24: what the name index keeps of a name and what a typed word is looked up by. */
class NameKeysTest {

    /** Whether a typed word finds a person with these names, and how (null: it does not). */
    private static NameKeys.Match match(String typed, String... names) {
        Set<String> kept = NameKeys.entries(names);
        for (Map.Entry<NameKeys.Match, Set<String>> e : NameKeys.query(typed).entrySet()) {
            if (e.getValue().stream().anyMatch(kept::contains)) {
                return e.getKey();
            }
        }
        return null;
    }

    @Test
    void theBeginningOfAnyWordOfANameFindsIt() {
        assertThat(match("sa", "Sarah", null, "Jones")).isEqualTo(NameKeys.Match.PREFIX);
        assertThat(match("jon", "Sarah", null, "Jones")).isEqualTo(NameKeys.Match.PREFIX);
        assertThat(match("s", "Sarah", null, "Jones")).as("an initial").isEqualTo(NameKeys.Match.PREFIX);
        assertThat(match("arah", "Sarah", null, "Jones")).as("the middle of a word is not a beginning").isNull();
        assertThat(match("jones", "Sarah", null, "Jones")).isEqualTo(NameKeys.Match.EXACT);
        assertThat(match("christophe", "Christopher")).as("past eight letters, by the first eight")
                .isEqualTo(NameKeys.Match.PREFIX);
    }

    @Test
    void aNameThatSoundsTheSameIsFoundButOnlyWhenItIsAWordOfThreeLettersOrMore() {
        assertThat(match("smyth", "Smith")).isEqualTo(NameKeys.Match.SOUND);
        assertThat(match("jonse", "Jones")).isEqualTo(NameKeys.Match.SOUND);
        assertThat(match("catherine", "Kathryn")).isEqualTo(NameKeys.Match.SOUND);
        assertThat(match("brown", "Smith")).isNull();
        assertThat(NameKeys.query("jo").get(NameKeys.Match.SOUND)).isEmpty();
    }

    @Test
    void accentsPunctuationAndHyphensAreAsPeopleTypeThem() {
        assertThat(NameKeys.words("  Zoë  O'Brien-Smith ")).containsExactly("zoe", "obrien", "smith");
        assertThat(match("zoe", "Zoë")).isEqualTo(NameKeys.Match.EXACT);
        assertThat(match("obrien", null, null, "O'Brien")).isEqualTo(NameKeys.Match.EXACT);
        assertThat(match("smithjones", null, null, "Smith-Jones")).as("kept joined too").isEqualTo(NameKeys.Match.EXACT);
        assertThat(match("jones", null, null, "Smith-Jones")).isEqualTo(NameKeys.Match.EXACT);
        assertThat(NameKeys.entries((String) null)).isEmpty();
        assertThat(NameKeys.typedWords("a b c d e f")).hasSize(NameKeys.MOST_WORDS);
        assertThat(NameKeys.typedWords("NWP/2024/0001")).as("a crime reference is not a name").isEmpty();
        assertThat(NameKeys.typedWords("Sarah 2")).containsExactly("sarah");
    }

    @Test
    void whatIsKeptIsNeverTheNameAloneButTaggedPieces() {
        assertThat(NameKeys.entries("Sarah")).allSatisfy(e -> assertThat(e).matches("[eps]\\|.+"))
                .contains("e|sarah", "p|s", "p|sarah");
    }
}
