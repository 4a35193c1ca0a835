package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Walks one signed-in user's pages in Welsh (issue 21): from the start page it follows every link, one page of each
 * kind (the same path with other ids is the same kind), up to {@link #MOST_PAGES}. Each page must answer (no link
 * leads to a refusal, a missing page or an error), carry {@code lang="cy"}, pass axe (once for each template), and,
 * unless its template is still on the list not yet bilingual, show none of the English bundle's sentences, charts
 * included. Used for a force's roles ({@link WelshWalkBrowserIT}) and for the national hub's
 * ({@code LearningNetworkBrowserIT}).
 */
final class WelshWalker {

    static final int MOST_PAGES = 70;
    /** English sentences at least this long are looked for on Welsh pages; shorter ones may be names or codes. */
    static final int SENTENCE = 24;

    record Fault(String role, String page, String what) {
        @Override
        public String toString() {
            return role + " " + page + ": " + what;
        }
    }

    private final Set<String> notYet;
    private final List<String> english;
    /** The English sentences by their first {@link #SENTENCE} characters, so that a page is searched once, not once a sentence. */
    private final java.util.Map<String, List<String>> byStart = new java.util.HashMap<>();
    private final Set<String> axed = new HashSet<>();
    private final List<Fault> faults = new ArrayList<>();

    WelshWalker() throws IOException {
        notYet = notYetBilingual();
        english = englishSentences();
        assertThat(english).as("English sentences to look for").hasSizeGreaterThan(200);
        for (String sentence : english) {
            byStart.computeIfAbsent(sentence.substring(0, SENTENCE), k -> new ArrayList<>()).add(sentence);
        }
    }

    /** The English sentences in {@code text}: each place where one may start is looked up by its first characters. */
    List<String> englishIn(String text) {
        Set<String> found = new LinkedHashSet<>();
        for (int i = 0; i + SENTENCE <= text.length(); i++) {
            List<String> candidates = byStart.get(text.substring(i, i + SENTENCE));
            if (candidates != null) {
                for (String sentence : candidates) {
                    if (text.startsWith(sentence, i)) {
                        found.add(sentence);
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    /** What the walks found wrong so far. */
    List<Fault> faults() {
        return faults;
    }

    /**
     * Walks {@code role}'s pages: {@code web} and the browser {@code b} are both signed in as the role on the same
     * instance; the account's language is Welsh for the walk and English again after it. The pages walked.
     */
    int walk(String role, WebClient web, BrowserSession b) {
        // The language is chosen on the start page, or on the page it sends to (the hub's start page is /hub).
        String start = startPage(web);
        String sep = start.contains("?") ? "&" : "?";
        web.get(start + sep + "lang=cy");
        b.open(start + sep + "lang=cy");
        try {
            return walkInWelsh(role, web, b);
        } finally {
            web.get(start + sep + "lang=en");
        }
    }

    private static String startPage(WebClient web) {
        HttpResponse<String> r = web.get("/");
        return r.statusCode() >= 300 && r.statusCode() < 400 ? WebClient.location(r) : "/";
    }

    private int walkInWelsh(String role, WebClient web, BrowserSession b) {
        Deque<String[]> next = new ArrayDeque<>();
        Set<String> kinds = new HashSet<>();
        next.add(new String[] {"/", "(start)"});
        kinds.add(kind("/"));
        int visited = 0;
        while (!next.isEmpty() && visited < MOST_PAGES) {
            String[] link = next.poll();
            String url = link[0];
            HttpResponse<String> r = web.get(url);
            visited++;
            int status = r.statusCode();
            if (status >= 300 && status < 400) {
                String to = WebClient.location(r);
                if (to.contains("/login") || to.contains("/error")) {
                    faults.add(new Fault(role, link[1], "link " + url + " sends to " + to));
                } else if (kinds.add(kind(to))) {
                    next.addFirst(new String[] {to, url});
                }
                continue;
            }
            if (status != 200) {
                faults.add(new Fault(role, link[1], "link " + url + " answers " + status));
                continue;
            }
            if (!r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                continue;
            }
            Document doc = Jsoup.parse(r.body());
            String template = r.headers().firstValue(TemplateNameHeader.HEADER).orElse("?");
            if (!"cy".equals(doc.select("html").attr("lang"))) {
                faults.add(new Fault(role, url, "lang is '" + doc.select("html").attr("lang") + "' (" + template + ")"));
            }
            if (!notYet.contains(template + ".html")) {
                // Charts are drawn in Java and are in the page's language too: their words are checked with the rest.
                // What people wrote (a line of enquiry, a note: class soteria-prewrap) is shown as it was written,
                // and may be the English a page once suggested.
                Document words = doc.clone();
                words.select(".soteria-prewrap").remove();
                String text = words.body().text() + " " + String.join(" ", words.select("svg text, svg title, svg desc")
                        .eachText());
                for (String sentence : englishIn(text)) {
                    faults.add(new Fault(role, url, "English in " + template + ": \"" + sentence + "\""));
                }
            }
            if (axed.add(template)) {
                b.open(url);
                for (String v : b.accessibilityViolations()) {
                    faults.add(new Fault(role, url, "axe on " + template + ": " + v));
                }
            }
            for (Element a : doc.select("a[href]")) {
                String href = a.attr("href");
                if (!followable(a, href)) {
                    continue;
                }
                String path = URI.create(href).normalize().toString();
                if (kinds.add(kind(path))) {
                    next.add(new String[] {path, url});
                }
            }
        }
        return visited;
    }

    /** A link to follow: same site, a page (not an asset, a download, the API, signing out or the language switch). */
    private static boolean followable(Element a, String href) {
        return href.startsWith("/") && !href.startsWith("//") && !href.startsWith("/assets") && !href.startsWith("/api/")
                && !href.startsWith("/logout") && !href.contains("lang=") && !a.hasAttr("download")
                && !a.hasAttr("hreflang") && !href.contains("format=") && !href.endsWith(".csv")
                && !href.endsWith(".xlsx") && !href.contains("/export");
    }

    /** The kind of page a link leads to: its path with numbers as {n}, and the names of its query parameters. */
    static String kind(String url) {
        String noFragment = url.replaceFirst("#.*$", "");
        int q = noFragment.indexOf('?');
        String path = (q < 0 ? noFragment : noFragment.substring(0, q)).replaceAll("/\\d+", "/{n}");
        Set<String> names = new TreeSet<>();
        if (q >= 0) {
            for (String pair : noFragment.substring(q + 1).split("&")) {
                names.add(pair.replaceFirst("=.*$", ""));
            }
        }
        return path + (names.isEmpty() ? "" : "?" + String.join("&", names));
    }

    private static Set<String> notYetBilingual() throws IOException {
        Set<String> names = new HashSet<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/i18n/not-yet-bilingual.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.strip());
            }
        }
        return names;
    }

    /** The English bundle's sentences that take no argument and differ in Welsh: none may show on a Welsh page. */
    static List<String> englishSentences() throws IOException {
        Properties en = org.soteria.web.i18n.MessageBundlesTest.bundle("messages.properties");
        Properties cy = org.soteria.web.i18n.MessageBundlesTest.bundle("messages_cy.properties");
        Set<String> out = new LinkedHashSet<>();
        for (String key : en.stringPropertyNames()) {
            String value = en.getProperty(key);
            if (value.contains("{") || value.contains("<") || value.equals(cy.getProperty(key))) {
                continue;
            }
            String shown = new MessageFormat(value, Locale.UK).format(new Object[0]).strip();
            if (shown.length() >= SENTENCE) {
                out.add(shown);
            }
        }
        out.addAll(choiceLabels(cy));
        return List.copyOf(out);
    }

    /**
     * The English labels of coded choices that have Welsh words: a page that prints a choice's own label (a template's
     * fallback, a key that does not match) instead of its message shows English the bundles alone would not reveal.
     */
    private static Set<String> choiceLabels(Properties cy) {
        org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider scan =
                new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new org.springframework.core.type.filter.AssignableTypeFilter(
                org.soteria.reference.Choice.class));
        Set<String> out = new LinkedHashSet<>();
        for (var candidate : scan.findCandidateComponents("org.soteria")) {
            Class<?> type;
            try {
                type = Class.forName(candidate.getBeanClassName());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            if (!type.isEnum()) {
                continue;
            }
            for (Object constant : type.getEnumConstants()) {
                org.soteria.reference.Choice c = (org.soteria.reference.Choice) constant;
                String label = c.label();
                String welsh = cy.getProperty(c.messageKey(), cy.getProperty(Labels.textKey(label)));
                if (label.length() >= SENTENCE && !label.contains("{") && welsh != null && !welsh.equals(label)) {
                    out.add(label);
                }
            }
        }
        return out;
    }
}
