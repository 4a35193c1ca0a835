package org.soteria.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.soteria.exchange.ImportProgress;
import org.soteria.exchange.ImportService;
import org.soteria.platform.DataScope;
import org.soteria.security.Role;
import org.soteria.security.SoteriaUser;
import org.soteria.security.UserService;
import org.soteria.support.Bundles;
import org.soteria.support.DatabaseReset;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A force with four crimes, an officer of one team, an administrator, a CPS unit and two ISVA services with a user
 * each (issue 27): what the partner integration tests share. The subclasses share one application context and database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"soteria.data-dir=:temporary:partners", "spring.main.banner-mode=off",
            "soteria.measures.refresh-interval=PT1H"})
abstract class PartnerFixture {

    static final String DB = ":temporary:partners";

    @Autowired
    SharingService sharing;

    @Autowired
    PartnerOrgService orgs;

    @Autowired
    ImportService imports;

    @Autowired
    UserService users;

    @Autowired
    DataScope scope;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    SoteriaUser officer;
    SoteriaUser admin;
    SoteriaUser prosecutor;
    SoteriaUser adviser;
    SoteriaUser otherAdviser;

    @BeforeEach
    void load() {
        DatabaseReset.empty(DB);
        new Bundles(dir).file("cases.csv", "crime_ref,force_code,offence_code,recorded_date,team_code,officer_code,"
                        + "outcome_code,outcome_date",
                        "OPEN/1,NWP,19C,2026-01-05,T1,O1,,",
                        "NFA/2,NWP,19C,2025-06-01,T1,O1,16,2025-11-01",
                        "CHARGED/3,NWP,19C,2025-07-01,T1,O1,1,2025-12-01",
                        "OTHER/4,NWP,19C,2026-02-01,T2,O2,,")
                .file("people.csv", "person_id,given_name,family_name,date_of_birth,sex",
                        "S1,Kenver,Tregarthen,1990-05-01,male",
                        "V1,Morwenna,Pascoe,1995-02-03,female",
                        "V2,Demelza,Trelawny,1992-01-01,female",
                        "V3,Tamsin,Penrose,2001-07-07,female",
                        "V4,Loveday,Hocking,1999-09-09,female")
                .file("case_people.csv", "crime_ref,person_id,role,relationship,age_at_offence",
                        "OPEN/1,S1,suspect,acquaintance,35", "OPEN/1,V1,victim,acquaintance,30",
                        "NFA/2,S1,suspect,stranger,35", "NFA/2,V2,victim,stranger,33",
                        "CHARGED/3,S1,suspect,stranger,35", "CHARGED/3,V3,victim,stranger,24",
                        "OTHER/4,V4,victim,stranger,26")
                .file("events.csv", "crime_ref,event_type,occurred_at,person_id,detail",
                        "OPEN/1,arrest,2026-01-10,S1,Arrested at home",
                        "OPEN/1,victim_update,2026-01-12,V1,Told of the arrest")
                .file("teams.csv", "team_code,name,force_code", "T1,Team one,NWP", "T2,Team two,NWP");
        assertThat(imports.importBundle(dir, "test", ImportProgress.NONE).rejectedRows()).isZero();
        users.createAccount("test", new UserService.NewAccount("inv", "DC Inv", Role.INVESTIGATOR, "NWP", "O1",
                List.of("T1"), List.of()));
        users.createAccount("test", new UserService.NewAccount("adm", "Admin", Role.ADMIN, "NWP", null, List.of(),
                List.of()));
        officer = user("inv");
        admin = user("adm");
        orgs.add(admin, "cps-x", "cps", "CPS RASSO unit");
        orgs.add(admin, "ISVA-X", "isva", "ISVA service X");
        orgs.add(admin, "ISVA-Y", "isva", "ISVA service Y");
        users.createAccount("test", new UserService.NewAccount("cps1", "Prosecutor", Role.CPS_PROSECUTOR, "NWP", null,
                List.of(), List.of(), "CPS-X"));
        users.createAccount("test", new UserService.NewAccount("isva1", "Adviser", Role.ISVA, "NWP", null, List.of(),
                List.of(), "ISVA-X"));
        users.createAccount("test", new UserService.NewAccount("isva2", "Other adviser", Role.ISVA, "NWP", null,
                List.of(), List.of(), "ISVA-Y"));
        prosecutor = user("cps1");
        adviser = user("isva1");
        otherAdviser = user("isva2");
        long open = crime("OPEN/1");
        long victim = Long.parseLong(DatabaseReset.ownerQuery(DB, "select id::text from person where person_id = 'V1'"));
        DatabaseReset.owner(DB, "insert into victim_contact_plan (crime_id, person_ref, preferred_channel, "
                + "update_every_days, agreed_on, updated_by) values (" + open + ", " + victim + ", 'phone', 14, "
                + "'2026-01-06', 'inv')");
    }

    SoteriaUser user(String name) {
        return (SoteriaUser) users.loadUserByUsername(name);
    }

    long crime(String ref) {
        return Long.parseLong(DatabaseReset.ownerQuery(DB, "select id::text from crime where crime_ref = '" + ref + "'"));
    }

    <T> T asPartner(SoteriaUser user, Supplier<T> work) {
        return scope.asUser(user.getUsername(), DataScope.Cases.PARTNER, work);
    }

    <T> T asOfficer(Supplier<T> work) {
        return scope.asUser(officer.getUsername(), true, work);
    }

    long share(String ref, String org, List<String> parts, String basis, LocalDate consent) {
        return asOfficer(() -> sharing.share(officer, crime(ref), new SharingService.Request(org, parts, basis, consent,
                false, null, Map.of())));
    }

    List<String> rows(SoteriaUser user, String sql) {
        return asPartner(user, () -> jdbc.sql(sql).query(String.class).list());
    }
}
