package org.soteria.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * A page's words come from the message bundles, so that it can be shown in Welsh (issue 21). A template may
 * hold no word a user would see (text, or a title, alt, placeholder or aria-label) that is not a message
 * expression, unless it is on the list of templates not yet made bilingual. The list only shrinks: a template
 * on it that has become bilingual must come off it, and a new template is never on it.
 */
class TemplateWordsTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path NOT_YET = Path.of("src/test/resources/i18n/not-yet-bilingual.txt");

    /** Elements whose content Thymeleaf replaces, so what they hold is only a prototype. */
    private static final List<String> REPLACING = List.of("th:text", "th:utext", "th:replace", "th:insert");
    private static final List<String> VISIBLE_ATTRIBUTES = List.of("title", "alt", "placeholder", "aria-label");

    /** Attributes whose literals are addresses, classes or ids, never words for people. */
    private static final java.util.Set<String> URL_OR_STYLE = java.util.Set.of("th:href", "th:action", "th:src",
            "th:classappend", "th:class", "th:id", "th:for", "th:fragment", "th:each", "th:with", "th:if", "th:unless",
            "th:switch", "th:case", "th:selected", "th:checked", "th:name", "th:value");
    private static final java.util.regex.Pattern LITERAL = java.util.regex.Pattern.compile("'([^']*)'");

    /**
     * Whether a string literal in an expression reads as words for people ({@code ' by '}, {@code 'No data'}),
     * not a code, an id, a class, a date pattern or a message key's prefix: it has a space between letters or
     * starts with a capital followed by small letters, and some word in it is plain letters.
     */
    static boolean isWords(String literal) {
        if (!literal.matches(".*[a-z]{2,}.*") || !(literal.contains(" ") || literal.matches("[A-Z][a-z]+.*"))
                || literal.matches(".*(yyyy|MMM|HH:mm).*")) {
            return false;
        }
        for (String word : literal.strip().split("\\s+")) {
            if (word.matches("[A-Za-z][a-z]+[,.:;)]?")) {
                return true;
            }
        }
        return false;
    }

    /** The words a user would see in one template that are not message expressions. */
    static List<String> literalWords(String html) {
        Document doc = Jsoup.parse(html, "", Parser.xmlParser());
        List<String> found = new ArrayList<>();
        walk(doc, found);
        return found;
    }

    private static void walk(Node node, List<String> found) {
        if (node instanceof Element e) {
            String tag = e.tagName();
            // Code, scripts and drawings are not words to translate; a <code> element holds codes and names.
            if (tag.equals("script") || tag.equals("style") || tag.equals("svg") || tag.equals("code")) {
                return;
            }
            for (org.jsoup.nodes.Attribute a : e.attributes()) {
                if (a.getKey().startsWith("th:") && !URL_OR_STYLE.contains(a.getKey())) {
                    java.util.regex.Matcher m = LITERAL.matcher(a.getValue());
                    while (m.find()) {
                        if (isWords(m.group(1))) {
                            found.add(tag + "@" + a.getKey() + ": '" + m.group(1) + "'");
                        }
                    }
                }
            }
            for (String a : VISIBLE_ATTRIBUTES) {
                if (e.hasAttr(a) && e.attr(a).matches(".*\\p{L}.*")) {
                    found.add(tag + "@" + a + ": " + e.attr(a));
                }
            }
            if (REPLACING.stream().anyMatch(e::hasAttr) || "all".equals(e.attr("th:remove"))) {
                return;
            }
        }
        if (node instanceof TextNode t) {
            String text = t.text().strip();
            if (text.matches(".*\\p{L}.*")) {
                found.add(text.length() > 60 ? text.substring(0, 60) + "…" : text);
            }
            return;
        }
        for (Node child : node.childNodes()) {
            walk(child, found);
        }
    }

    private static Set<String> notYetBilingual() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(NOT_YET)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.strip());
            }
        }
        return names;
    }

    @Test
    void templatesHoldNoWordsOutsideTheBundlesExceptThoseNotYetBilingual() throws IOException {
        Set<String> notYet = notYetBilingual();
        List<String> faults = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                String name = TEMPLATES.relativize(f).toString().replace('\\', '/');
                seen.add(name);
                List<String> words = literalWords(Files.readString(f));
                if (notYet.contains(name)) {
                    if (words.isEmpty()) {
                        faults.add(name + " is bilingual now: take it off " + NOT_YET);
                    }
                } else if (!words.isEmpty()) {
                    faults.add(name + " shows words that are not in the message bundles: " + words.subList(0,
                            Math.min(3, words.size())));
                }
            }
        }
        notYet.stream().filter(n -> !seen.contains(n)).forEach(n -> faults.add(n + " is listed but does not exist"));
        assertThat(faults).isEmpty();
    }

    @Test
    void theCheckFindsWordsJoinedInExpressionsButNotCodesOrPatterns() {
        assertThat(literalWords("<p th:text=\"${a + ' by ' + b}\">x</p>")).containsExactly("p@th:text: ' by '");
        assertThat(literalWords("<p th:text=\"${x ? 'No data' : y}\">x</p>")).hasSize(1);
        assertThat(literalWords("<p th:text=\"${#temporals.format(d, 'd MMM yyyy')} + ${x == 'open'}\""
                + " th:attr=\"aria-describedby='file-hint file-error'\">x</p>")).isEmpty();
        assertThat(literalWords("<p th:text=\"#{${'eventType.' + t}}\">x</p>")).isEmpty();
    }

    @Test
    void theCheckFindsTextAndVisibleAttributesButNotPrototypesOrCode() {
        assertThat(literalWords("<div><p>Hello</p><p th:text=\"#{x}\">Prototype</p><script>var a = 'b';</script>"
                + "<img alt=\"A picture\"/><span aria-label=\"Close\" th:attr=\"x=y\"></span><b> 12 </b>"
                + "<div th:replace=\"~{f :: g}\">Replaced</div><code>force-lead</code></div>"))
                .containsExactly("Hello", "img@alt: A picture", "span@aria-label: Close");
    }
}
