package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.soteria.security.Role;

/**
 * Every page of every role of a force, in Welsh (issue 21): each role signs in and walks its pages in Welsh
 * ({@link WelshWalker}): each page answers, carries {@code lang="cy"}, passes axe and shows no English sentence.
 * The national hub's pages are walked in {@code LearningNetworkBrowserIT}, where a hub runs with forces' data.
 */
class WelshWalkBrowserIT extends BrowserPages {

    @Test
    void everyPageOfEveryRoleIsInWelshAnswersAndPassesAxe() throws IOException {
        WelshWalker walker = new WelshWalker();
        int pages = 0;
        for (Role role : Role.values()) {
            WebClient web = new WebClient(port);
            web.signIn(role.code(), PASSWORD);
            BrowserSession b = browser();
            b.signIn(role.code(), PASSWORD);
            pages += walker.walk(role.code(), web, b);
        }
        assertThat(pages).as("pages walked").isGreaterThan(50);
        assertThat(walker.faults()).as(walker.faults().size() + " faults").isEmpty();
    }
}
