package org.soteria.network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.soteria.performance.Table;
import org.soteria.platform.Bilingual;
import org.soteria.reference.Pillar;
import org.springframework.stereotype.Service;

/**
 * The national picture of forces' progress (issue 28): each force's self-assessment maturity, section by section,
 * and its change since the force's previous cycle, as a heat map; improvement plans' progress by pillar across
 * forces; and one force's cycles and plan for its page. Built from the latest progress file each force sent.
 */
@Service
public class HubProgress {

    private final HubProgressRepository repository;
    private final HubRepository forces;

    HubProgress(HubProgressRepository repository, HubRepository forces) {
        this.repository = repository;
        this.forces = forces;
    }

    /** Takes an accepted file in place of the force's earlier ones; returns what the receipt says of it. */
    String take(String force, ProgressBundle p, long receipt) {
        repository.replace(force, p, receipt);
        return p.cycles().size() + " signed-off self-assessments and the improvement plan's progress by pillar received";
    }

    /** A column of the heat map: a framework's section, by its code, named as the latest cycle naming it does. */
    public record Column(String code, int position, Bilingual name) {
    }

    /** A section's mean level in a cycle (null: no question answered), and its change since the previous cycle. */
    public record Cell(Double level, Double change, int answered, int questions) {

        /** The nearest level of the scale, 1 to 4, for the cell's shade; 0 when there is no level. */
        public int band() {
            return level == null ? 0 : (int) Math.max(1, Math.min(ProgressBundle.TOP_LEVEL, Math.round(level)));
        }
    }

    /** A signed-off cycle of one force and its sections' cells. */
    public record Cycle(long number, String title, LocalDate signedOffOn, String framework, int frameworkVersion,
            Map<String, Cell> cells) {

        public Cell cell(String code) {
            return cells.get(code);
        }
    }

    /** A force's row: its latest cycle, the previous one (null if none), and the force as the hub knows it. */
    public record Line(HubRepository.HubForce force, Cycle latest, Cycle previous) {
    }

    /** The heat map: sections across, forces down, the mean over forces of each section's latest level. */
    public record HeatMap(List<Column> columns, List<Line> lines, List<HubRepository.HubForce> without,
            Map<String, Double> national) {
    }

    /** One force's plan by pillar with its total, as of the day it was sent. */
    public record Plan(HubRepository.HubForce force, LocalDate asOf, List<HubProgressRepository.PlanRow> pillars,
            HubProgressRepository.PlanRow total) {
    }

    /** Plans across forces, and each pillar summed over them. */
    public record Plans(List<Plan> lines, List<HubProgressRepository.PlanRow> byPillar,
            HubProgressRepository.PlanRow total, List<HubRepository.HubForce> without) {
    }

    /** One force's cycles (oldest first) with the sections any of them has, and its plan (null if none sent). */
    public record ForceProgress(List<Column> columns, List<Cycle> cycles, Plan plan) {
    }

    private Map<String, HubRepository.HubForce> members() {
        Map<String, HubRepository.HubForce> out = new LinkedHashMap<>();
        forces.forces().stream().filter(HubRepository.HubForce::approved).forEach(f -> out.put(f.code(), f));
        return out;
    }

    /** Each force's cycles, oldest first, from the rows of the table. */
    private static Map<String, List<Cycle>> cycles(List<HubProgressRepository.MaturityRow> rows) {
        Map<String, Map<Long, Cycle>> byForce = new LinkedHashMap<>();
        for (HubProgressRepository.MaturityRow r : rows) {
            Cycle c = byForce.computeIfAbsent(r.force(), k -> new LinkedHashMap<>()).computeIfAbsent(r.cycle(),
                    k -> new Cycle(r.cycle(), r.title(), r.signedOffOn(), r.framework(), r.frameworkVersion(),
                            new LinkedHashMap<>()));
            c.cells().put(r.section(), new Cell(r.level(), null, r.answered(), r.questions()));
        }
        Map<String, List<Cycle>> out = new LinkedHashMap<>();
        byForce.forEach((force, cs) -> {
            List<Cycle> list = new ArrayList<>();
            Cycle before = null;
            for (Cycle c : cs.values()) {
                Cycle withChange = before == null ? c : changed(c, before);
                list.add(withChange);
                before = c;
            }
            out.put(force, list);
        });
        return out;
    }

    /** The cycle with each section's change from {@code before} (when both have a level). */
    private static Cycle changed(Cycle c, Cycle before) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        c.cells().forEach((code, cell) -> {
            Cell then = before.cells().get(code);
            Double change = cell.level() == null || then == null || then.level() == null ? null
                    : Math.round((cell.level() - then.level()) * 100) / 100.0;
            cells.put(code, new Cell(cell.level(), change, cell.answered(), cell.questions()));
        });
        return new Cycle(c.number(), c.title(), c.signedOffOn(), c.framework(), c.frameworkVersion(), cells);
    }

    /** The columns of the rows given, by position then code, each named as the latest row naming it does. */
    private static List<Column> columns(List<HubProgressRepository.MaturityRow> rows) {
        Map<String, Column> out = new LinkedHashMap<>();
        rows.stream().sorted(java.util.Comparator.comparing(HubProgressRepository.MaturityRow::signedOffOn))
                .forEach(r -> out.put(r.section(), new Column(r.section(), r.position(), r.name())));
        return out.values().stream().sorted(java.util.Comparator.comparingInt(Column::position)
                .thenComparing(Column::code)).toList();
    }

    /** The heat map of member forces' latest cycles; forces that sent none are listed apart. */
    public HeatMap heatMap() {
        Map<String, HubRepository.HubForce> members = members();
        List<HubProgressRepository.MaturityRow> rows = repository.maturity(null);
        Map<String, List<Cycle>> cycles = cycles(rows);
        List<HubProgressRepository.MaturityRow> latestRows = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        List<HubRepository.HubForce> without = new ArrayList<>();
        Map<String, double[]> sums = new TreeMap<>();
        for (HubRepository.HubForce f : members.values()) {
            List<Cycle> cs = cycles.get(f.code());
            if (cs == null || cs.isEmpty()) {
                without.add(f);
                continue;
            }
            Cycle latest = cs.get(cs.size() - 1);
            lines.add(new Line(f, latest, cs.size() > 1 ? cs.get(cs.size() - 2) : null));
            latest.cells().forEach((code, cell) -> {
                if (cell.level() != null) {
                    double[] s = sums.computeIfAbsent(code, k -> new double[2]);
                    s[0] += cell.level();
                    s[1]++;
                }
            });
        }
        for (HubProgressRepository.MaturityRow r : rows) {
            List<Cycle> cs = cycles.get(r.force());
            if (members.containsKey(r.force()) && cs.get(cs.size() - 1).number() == r.cycle()) {
                latestRows.add(r);
            }
        }
        Map<String, Double> national = new LinkedHashMap<>();
        sums.forEach((code, s) -> national.put(code, Math.round(s[0] / s[1] * 100) / 100.0));
        return new HeatMap(columns(latestRows), lines, without, national);
    }

    private static Plan plan(HubRepository.HubForce f, List<HubProgressRepository.PlanRow> rows) {
        int[] t = new int[5];
        for (HubProgressRepository.PlanRow r : rows) {
            t[0] += r.actions();
            t[1] += r.done();
            t[2] += r.overdue();
            t[3] += r.onTrack();
            t[4] += r.atRisk();
        }
        LocalDate asOf = rows.get(0).asOf();
        return new Plan(f, asOf, rows, new HubProgressRepository.PlanRow(f == null ? "" : f.code(), 0, t[0], t[1], t[2], t[3], t[4],
                asOf));
    }

    /** Member forces' plans by pillar, and each pillar's actions summed over the forces. */
    public Plans plans() {
        Map<String, HubRepository.HubForce> members = members();
        Map<String, List<HubProgressRepository.PlanRow>> byForce = new LinkedHashMap<>();
        for (HubProgressRepository.PlanRow r : repository.plans(null)) {
            if (members.containsKey(r.force())) {
                byForce.computeIfAbsent(r.force(), k -> new ArrayList<>()).add(r);
            }
        }
        List<Plan> lines = new ArrayList<>();
        List<HubRepository.HubForce> without = new ArrayList<>();
        int[][] sums = new int[Pillar.values().length + 1][5];
        for (HubRepository.HubForce f : members.values()) {
            List<HubProgressRepository.PlanRow> rows = byForce.get(f.code());
            if (rows == null) {
                without.add(f);
                continue;
            }
            Plan p = plan(f, rows);
            lines.add(p);
            for (HubProgressRepository.PlanRow r : rows) {
                int[] s = sums[r.pillar()];
                s[0] += r.actions();
                s[1] += r.done();
                s[2] += r.overdue();
                s[3] += r.onTrack();
                s[4] += r.atRisk();
            }
        }
        List<HubProgressRepository.PlanRow> byPillar = new ArrayList<>();
        int[] t = new int[5];
        for (int p = 1; p < sums.length; p++) {
            int[] s = sums[p];
            byPillar.add(new HubProgressRepository.PlanRow(null, p, s[0], s[1], s[2], s[3], s[4], null));
            for (int i = 0; i < 5; i++) {
                t[i] += s[i];
            }
        }
        return new Plans(lines, byPillar, new HubProgressRepository.PlanRow(null, 0, t[0], t[1], t[2], t[3], t[4],
                null), without);
    }

    /** One force's cycles and plan, for its page at the hub. */
    public ForceProgress of(HubRepository.HubForce force) {
        List<HubProgressRepository.MaturityRow> rows = repository.maturity(force.code());
        List<Cycle> cs = cycles(rows).getOrDefault(force.code(), List.of());
        List<HubProgressRepository.PlanRow> plan = repository.plans(force.code());
        return new ForceProgress(columns(rows), cs, plan.isEmpty() ? null : plan(force, plan));
    }

    /** A force's progress file as the hub will show it, for the force lead to see before it leaves. */
    public static ForceProgress preview(ProgressBundle p) {
        List<HubProgressRepository.MaturityRow> rows = new ArrayList<>();
        for (ProgressBundle.Cycle c : p.cycles()) {
            for (ProgressBundle.Section s : c.sections()) {
                rows.add(new HubProgressRepository.MaturityRow("", c.number(), c.title(),
                        LocalDate.parse(c.signedOffOn()), c.framework(), c.frameworkVersion(), s.code(), s.position(),
                        Bilingual.of(s.name(), s.nameCy()), s.level(), s.answered(), s.questions()));
            }
        }
        LocalDate asOf = LocalDate.parse(p.asOf());
        List<HubProgressRepository.PlanRow> plan = p.plan().stream().map(x -> new HubProgressRepository.PlanRow("",
                x.pillar(), x.actions(), x.done(), x.overdue(), x.onTrack(), x.atRisk(), asOf)).toList();
        return new ForceProgress(columns(rows), cycles(rows).getOrDefault("", List.of()), plan.isEmpty() ? null
                : plan(null, plan));
    }

    /** The heat map's data for download: every cycle of every member force, one row per section (long form). */
    public List<Table> tables() {
        Map<String, HubRepository.HubForce> members = members();
        List<HubProgressRepository.MaturityRow> rows = repository.maturity(null);
        Map<String, List<Cycle>> cycles = cycles(rows);
        List<List<Object>> maturity = new ArrayList<>();
        for (HubProgressRepository.MaturityRow r : rows) {
            HubRepository.HubForce f = members.get(r.force());
            if (f == null) {
                continue;
            }
            Cell cell = cycles.get(r.force()).stream().filter(c -> c.number() == r.cycle()).findFirst().orElseThrow()
                    .cell(r.section());
            maturity.add(java.util.Arrays.asList(f.name(), f.code(), f.peerGroup(), r.title(),
                    r.signedOffOn().toString(), r.framework() + " v" + r.frameworkVersion(), r.name().english(),
                    cell.level(), cell.change(), r.answered(), r.questions()));
        }
        List<List<Object>> plans = new ArrayList<>();
        for (Plan p : plans().lines()) {
            for (HubProgressRepository.PlanRow r : p.pillars()) {
                plans.add(java.util.Arrays.asList(p.force().name(), p.force().code(), p.force().peerGroup(),
                        p.asOf().toString(), Pillar.label(r.pillar()), r.actions(), r.done(), r.overdue(), r.onTrack(),
                        r.atRisk()));
            }
        }
        return List.of(
                new Table("Self-assessment maturity by force, cycle and section", List.of("Force", "Force code",
                        "Peer group", "Cycle", "Signed off", "Framework", "Section", "Maturity level",
                        "Change of level since the previous cycle", "Questions answered", "Questions"), maturity),
                new Table("Improvement plans by force and pillar", List.of("Force", "Force code", "Peer group",
                        "As of", "Pillar", "Actions", "Done", "Overdue", "On track", "At risk"), plans));
    }
}
