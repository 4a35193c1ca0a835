package org.soteria.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 28: the hub keeps a force's older quarters when a rolling release no longer carries them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"soteria.data-dir=:temporary:hub-history", "spring.main.banner-mode=off", "soteria.mode=hub"})
class HubBenchmarkHistoryIT {

    @Autowired
    HubRepository hub;

    @Autowired
    JdbcClient jdbc;

    private static BenchmarkBundle release(List<String> quarters, long base) {
        Map<String, long[][]> counts = new LinkedHashMap<>();
        counts.put(BenchmarkBundle.RECORDED, new long[][] {{base, 30}, {base + 5, 35}});
        counts.put(BenchmarkBundle.OUTCOMES, new long[][] {{30, 20}, {33, 25}});
        counts.put(BenchmarkBundle.CHARGED, new long[][] {{6, 7}, {8, 9}});
        counts.put(BenchmarkBundle.VICTIM_DOES_NOT_SUPPORT, new long[][] {{12, 10}, {14, 11}});
        return BenchmarkBundle.of("2026-11-29", quarters, List.of("adult_rape", "child_rape"), counts, List.of());
    }

    private long receipt() {
        return jdbc.sql("insert into hub_receipt (sender, kind, via, accepted) values ('FA', 'benchmark', 'file', true) "
                + "returning id").query(Long.class).single();
    }

    private String shown(String quarter) {
        return jdbc.sql("select shown from hub_benchmark where force_code = 'FA' and quarter = ? and offence_group = "
                + "'adult_rape' and measure = ?").params(quarter, BenchmarkBundle.RECORDED).query(String.class)
                .optional().orElse(null);
    }

    @Test
    void aNewReleaseReplacesItsQuartersAndTheTotalAndKeepsTheOlderOnes() {
        jdbc.sql("delete from hub_benchmark").update();
        jdbc.sql("insert into hub_force (force_code, name, public_key, contact) values ('FA', 'Force A', 'key', "
                + "'lead@fa.example') on conflict do nothing").update();
        hub.replaceBenchmark("FA", release(List.of("2026-Q1", "2026-Q2"), 40), receipt());
        hub.replaceBenchmark("FA", release(List.of("2026-Q2", "2026-Q3"), 50), receipt());
        assertThat(shown("2026-Q1")).as("a quarter the new release no longer carries").isEqualTo("40");
        assertThat(shown("2026-Q2")).as("the new release's").isEqualTo("50");
        assertThat(shown("2026-Q3")).isEqualTo("55");
        assertThat(shown(SmallNumbers.TOTAL)).as("the total over the new release's quarters").isEqualTo("105");
        assertThat(hub.quarters()).containsExactly("2026-Q1", "2026-Q2", "2026-Q3");
    }
}
