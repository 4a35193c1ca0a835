package org.soteria.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soteria.exchange.ImportProgress;
import org.soteria.exchange.ImportService;
import org.soteria.security.NeedToKnow;
import org.soteria.security.Role;
import org.soteria.security.SoteriaUser;
import org.soteria.security.UserService;
import org.soteria.support.Bundles;
import org.soteria.support.DatabaseReset;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The case list's filters, search, sort and restricted records, on a small hand-made force. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"soteria.data-dir=:temporary:import", "spring.main.banner-mode=off"})
class CaseListIT {

    @Autowired
    InvestigationService investigations;

    @Autowired
    ImportService imports;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Autowired
    UserService users;

    @Autowired
    PersonFields personFields;

    @Autowired
    NameIndex nameIndex;

    @Autowired
    NeedToKnow needToKnow;

    private SoteriaUser investigator;
    private SoteriaUser named;

    @BeforeEach
    void load() {
        DatabaseReset.empty(":temporary:import");
        investigator = account("inv1", Role.INVESTIGATOR, List.of("T1", "T2"));
        named = account("named1", Role.INVESTIGATOR, List.of("T1"));
        new Bundles(dir).file("cases.csv",
                        "crime_ref,force_code,record_type,n100_code,offence_code,recorded_date,team_code,officer_code,"
                                + "outcome_code,outcome_date,restricted",
                        "NWP/2024/1,NWP,crime,,19C,2024-01-10,T1,O1,,,",
                        "NWP/2024/2,NWP,crime,,19F,2024-02-10,T1,O2,16,2024-05-01,",
                        "NWP/2024/3,NWP,crime,,20A,2024-03-10,T2,O3,1,2024-09-01,",
                        "NWP/2024/4,NWP,n100,1,19C,2024-04-10,T2,O3,,,",
                        "NWP/2024/5,NWP,cancelled,,19D,2024-05-10,T2,O3,,,",
                        "NWP/2024/6,NWP,crime,,19C,2024-06-10,T1,O1,,,true")
                .file("people.csv", "person_id,given_name,family_name", "P1,Sarah,Jones", "P2,Sam,Jonas",
                        "P3,Mark,Sarah")
                .file("case_people.csv", "crime_ref,person_id,role", "NWP/2024/1,P1,victim", "NWP/2024/2,P2,victim",
                        "NWP/2024/3,P3,suspect", "NWP/2024/6,P1,victim");
        imports.importBundle(dir, "test", ImportProgress.NONE);
        jdbc.sql("insert into restricted_access (crime_id, username, named_by, named_at) "
                + "select id, 'named1', 'test', now() from crime where crime_ref = 'NWP/2024/6'").update();
    }

    private SoteriaUser account(String username, Role role, List<String> teams) {
        users.createAccount("test", new UserService.NewAccount(username, username, role, "NWP", null, teams,
                List.of()));
        return (SoteriaUser) users.loadUserByUsername(username);
    }

    private List<String> refs(CaseFilter f, SoteriaUser user) {
        return investigations.list(f, user).rows().stream().map(CaseSummary::crimeRef).toList();
    }

    private static CaseFilter filter(List<CaseStatus> status, List<String> offence, List<String> outcome,
            String search, CaseSort sort) {
        return new CaseFilter(status, offence, outcome, null, null, null, null, search, sort, 1);
    }

    @Test
    void newestFirstAndRestrictedRecordsOnlyForTheirNamedUsers() {
        assertThat(refs(filter(null, null, null, null, null), investigator))
                .containsExactly("NWP/2024/5", "NWP/2024/4", "NWP/2024/3", "NWP/2024/2", "NWP/2024/1");
        assertThat(refs(filter(null, null, null, null, null), named))
                .containsExactly("NWP/2024/6", "NWP/2024/2", "NWP/2024/1");
        assertThat(investigations.find(jdbc.sql("select id from crime where crime_ref = 'NWP/2024/6'")
                .query(Long.class).single(), investigator)).isEmpty();
    }

    @Test
    void statusesCombineWithOr() {
        assertThat(refs(filter(List.of(CaseStatus.OPEN), null, null, null, CaseSort.RECORDED_OLDEST), investigator))
                .containsExactly("NWP/2024/1");
        assertThat(refs(filter(List.of(CaseStatus.N100, CaseStatus.CANCELLED), null, null, null,
                CaseSort.CRIME_REF), investigator)).containsExactly("NWP/2024/4", "NWP/2024/5");
        assertThat(refs(filter(List.of(CaseStatus.OUTCOME_ASSIGNED), null, null, null, CaseSort.CRIME_REF),
                investigator)).containsExactly("NWP/2024/2", "NWP/2024/3");
    }

    @Test
    void groupsFilterByEveryCodeInTheGroup() {
        assertThat(refs(filter(null, List.of("adult_rape"), null, null, CaseSort.CRIME_REF), investigator))
                .containsExactly("NWP/2024/1", "NWP/2024/2", "NWP/2024/4");
        assertThat(refs(filter(null, null, List.of("charged", "victim_does_not_support"), null, CaseSort.CRIME_REF),
                investigator)).containsExactly("NWP/2024/2", "NWP/2024/3");
        CaseFilter teamAndDates = new CaseFilter(null, null, null, List.of("T2"), null, LocalDate.of(2024, 3, 10),
                LocalDate.of(2024, 4, 10), null, CaseSort.CRIME_REF, 1);
        assertThat(refs(teamAndDates, investigator)).containsExactly("NWP/2024/3", "NWP/2024/4");
    }

    @Test
    void searchMatchesReferencePrefixesAndWholeNamesInAnyCase() {
        assertThat(refs(filter(null, null, null, "nwp/2024/3", null), investigator)).containsExactly("NWP/2024/3");
        assertThat(refs(filter(null, null, null, "sarah", CaseSort.CRIME_REF), investigator))
                .as("given or family name").containsExactly("NWP/2024/1", "NWP/2024/3");
        assertThat(refs(filter(null, null, null, "SAM jonas", CaseSort.CRIME_REF), investigator))
                .as("given and family name").containsExactly("NWP/2024/2");
        assertThat(refs(filter(null, null, null, "50%_off", null), investigator)).isEmpty();
    }

    /** Issue 24: names as officers type them, found through keyed hashes of their pieces, and why each was found. */
    @Test
    void searchFindsTheStartsAndSoundsOfNamesAndSaysWhy() {
        CasePage page = investigations.list(filter(null, null, null, "Sa Jon", CaseSort.CRIME_REF), investigator);
        assertThat(page.rows()).extracting(CaseSummary::crimeRef).as("Sarah Jones and Sam Jonas, not the restricted crime")
                .containsExactly("NWP/2024/1", "NWP/2024/2");
        long first = page.rows().get(0).id();
        assertThat(page.why().get(first)).containsExactly("{cases.why.PREFIX|sa}", "{cases.why.PREFIX|jon}");

        assertThat(refs(filter(null, null, null, "S Jones", CaseSort.CRIME_REF), investigator))
                .as("an initial; Jonas only sounds like Jones, and sounds are used only when nobody matches strictly")
                .containsExactly("NWP/2024/1");
        assertThat(refs(filter(null, null, null, "Jonas", CaseSort.CRIME_REF), investigator)).containsExactly("NWP/2024/2");
        assertThat(page.namesTooCommon()).isFalse();
        CasePage sounds = investigations.list(filter(null, null, null, "Sera Jonse", CaseSort.CRIME_REF), investigator);
        assertThat(sounds.rows()).extracting(CaseSummary::crimeRef).as("Sam does not sound like Sera")
                .containsExactly("NWP/2024/1");
        assertThat(sounds.why().get(first)).containsExactly("{cases.why.SOUND|sera}", "{cases.why.SOUND|jonse}");
        assertThat(refs(filter(null, null, null, "jones sarah", CaseSort.CRIME_REF), investigator))
                .as("in any order").containsExactly("NWP/2024/1");
        assertThat(refs(filter(null, null, null, "Sarah Brown", CaseSort.CRIME_REF), investigator))
                .as("every word must match the same person").isEmpty();
        assertThat(refs(filter(null, null, null, "arah", CaseSort.CRIME_REF), investigator))
                .as("the middle of a name is not its start").isEmpty();

        CasePage ref = investigations.list(filter(null, null, null, "nwp/2024/3", null), investigator);
        assertThat(ref.why().get(ref.rows().get(0).id())).containsExactly("{cases.why.reference|NWP/2024/3}");
        assertThat(investigations.list(filter(null, null, null, null, null), investigator).why()).isEmpty();
    }

    /** A name shared by more people than a search considers asks for more of it, and says how many it looked at. */
    @Test
    void aNameSharedByMorePeopleThanASearchConsidersAsksForMore() {
        NeedToKnow.Rule rule = needToKnow.rule(investigator, "c");
        CaseFilter saJon = filter(null, null, null, "Sa Jon", CaseSort.CRIME_REF);
        CaseRepository considersOne = new CaseRepository(jdbc, personFields, nameIndex, 1);
        assertThat(considersOne.named("Sa Jon", rule).tooMany()).as("Sarah Jones and Sam Jonas: two people").isTrue();
        assertThat(considersOne.list(saJon, rule)).as("one person considered, one case found").hasSize(1);
        assertThat(considersOne.count(saJon, rule, 100)).isEqualTo(1);
        CaseRepository considersTwo = new CaseRepository(jdbc, personFields, nameIndex, 2);
        assertThat(considersTwo.named("Sa Jon", rule).tooMany()).isFalse();
        assertThat(considersTwo.list(saJon, rule)).hasSize(2);
        assertThat(considersOne.named("nwp/2024/3", rule)).as("no name words").isEqualTo(CaseRepository.Named.NONE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CaseRepository(jdbc, personFields, nameIndex, 0))
                .hasMessageContaining("soteria.search.most-people");
    }

    @Test
    void pagesAndCounts() {
        CasePage page = investigations.list(new CaseFilter(null, null, null, null, null, null, null, null, null, 2),
                investigator);
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.pages()).isEqualTo(1);
        assertThat(page.rows()).isEmpty();
        assertThat(page.totalCapped()).isFalse();
    }
}
