package org.soteria.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.soteria.security.Role;
import org.soteria.security.UserService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode (serve --demo): one account per role, and a synthetic force loaded when the database
 * holds no crimes. Never active otherwise.
 */
@Component
@ConditionalOnExpression("${soteria.demo:false} and '${soteria.mode:force}' != 'hub'")
public class DemoDataLoader implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);

    private final UserService users;
    private final ImportService imports;
    private final JdbcClient jdbc;
    private final int crimes;
    private final String password;
    /** The demo force's code: NWP unless set (the learning network's tests run two demo forces side by side). */
    private final String demoForce;

    public DemoDataLoader(UserService users, ImportService imports, JdbcClient jdbc,
            @Value("${soteria.demo.crimes:6000}") int crimes,
            @Value("${SOTERIA_DEMO_PASSWORD:}") String password,
            @Value("${soteria.demo.force-code:NWP}") String demoForce) {
        this.demoForce = demoForce;
        this.users = users;
        this.imports = imports;
        this.jdbc = jdbc;
        this.crimes = crimes;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        String pw = users.createDemoAccounts(password, demoForce);
        long stored = jdbc.sql("select count(*) from investigation_crime crime").query(Long.class).single();
        if (stored == 0) {
            loadSyntheticForce();
        }
        placeDemoOfficers();
        if (stored == 0) {
            agreeDemoContactPlans();
        }
        if (password == null || password.isBlank()) {
            System.out.println();
            System.out.println("Demo mode: sign in as " + String.join(", ", java.util.Arrays.stream(Role.values())
                    .map(Role::code).toList()) + " with the password: " + pw);
            System.out.println();
        } else {
            LOG.info("Demo mode: demo accounts use the password from SOTERIA_DEMO_PASSWORD");
        }
    }

    /**
     * Gives a dozen victims of the demo team's open crimes a contact plan with the demo liaison officer,
     * so that their queue has updates due today and in the next few days.
     */
    private void agreeDemoContactPlans() {
        Optional<String> team = jdbc.sql("select team_code from team where force_code = ? order by team_code limit 1")
                .param(demoForce).query(String.class).optional();
        String solo = team.map(t -> officer(t, "solo")).orElse(null);
        if (solo == null) {
            return;
        }
        LocalDate today = LocalDate.now(org.soteria.platform.DatabaseConfig.LONDON);
        List<long[]> victims = jdbc.sql("select c.id, min(v.person_ref) from investigation_crime c join investigation_case_person v on v.crime_id = c.id "
                        + "and v.role = 'victim' where c.force_code = ? and c.team_code = ? and c.outcome_code is null "
                        + "and c.record_type = 'crime' group by c.id order by c.id desc limit 12")
                .params(demoForce, team.get()).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        int i = 0;
        for (long[] v : victims) {
            int every = i % 3 == 0 ? 14 : 7;
            // Half fall due today, the rest within the next few days.
            LocalDate agreed = today.minusDays(every - (i % 2 == 0 ? 0 : 1 + i % 4));
            jdbc.sql("insert into victim_contact_plan (crime_id, person_ref, preferred_channel, liaison_officer_code, "
                            + "update_every_days, agreed_on, updated_by) values (?, ?, ?, ?, ?, ?, 'demo') "
                            + "on conflict do nothing")
                    .params(v[0], v[1], i % 4 == 0 ? "text_message" : "phone", solo, every, agreed).update();
            jdbc.sql("insert into measure_change (crime_id) values (?)").param(v[0]).update();
            i++;
        }
    }

    /**
     * Gives the demo officers a place in the demo force's first team, so that need-to-know shows them
     * that team's crimes: the investigator and the victim liaison officer work in it, the supervisor
     * supervises it. The other roles have no team and see no crimes without break-glass.
     */
    private void placeDemoOfficers() {
        Optional<String> team = jdbc.sql("select team_code from team where force_code = ? order by team_code limit 1")
                .param(demoForce).query(String.class).optional();
        if (team.isEmpty()) {
            return;
        }
        String t = team.get();
        users.placeDemoAccount(Role.INVESTIGATOR, demoForce, officer(t, "investigator"), List.of(t), List.of());
        users.placeDemoAccount(Role.VICTIM_LIAISON, demoForce, officer(t, "solo"), List.of(t), List.of());
        users.placeDemoAccount(Role.SUPERVISOR, demoForce, officer(t, "supervisor"), List.of(), List.of(t));
    }

    private String officer(String team, String role) {
        return jdbc.sql("select officer_code from officer where force_code = ? and team_code = ? and role = ? "
                        + "order by officer_code limit 1")
                .params(demoForce, team, role).query(String.class).optional().orElse(null);
    }

    private void loadSyntheticForce() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("soteria-demo-");
            LOG.info("Demo mode: generating and loading a synthetic force of {} records", crimes);
            SyntheticBundleGenerator.generate(new SyntheticBundleGenerator.Settings(demoForce, crimes, 1,
                    LocalDate.of(2026, 10, 31), 5), dir, n -> { });
            ImportResult r = imports.importBundle(dir, "demo", ImportProgress.NONE);
            LOG.info("Demo mode: loaded {} rows ({} rejected)", r.changedRows(), r.rejectedRows());
        } catch (IOException e) {
            throw new UncheckedIOException("Demo data could not be written", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder left behind holds only synthetic data.
        }
    }
}
