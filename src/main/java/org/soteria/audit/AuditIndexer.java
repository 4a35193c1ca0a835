package org.soteria.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Indexes the records each audit entry touched (audit_record_ref), every second and in batches, off
 * the path of the page that wrote the entry: indexing them as each entry was written cost pages 10-15%
 * under load (docs/benchmarks.md). Searches stay exact: they read this index up to its watermark and
 * scan the entries after it.
 */
@Component
class AuditIndexer {

    private static final int BATCH = 20_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    AuditIndexer(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${soteria.audit.index-interval:PT1S}")
    void scheduled() {
        catchUp();
    }

    /** Indexes every entry written so far; returns how many entries it indexed. */
    long catchUp() {
        long total = 0;
        while (true) {
            Long done = tx.execute(status -> {
                long from = jdbc.sql("select indexed_seq from audit_index_state where id = 1 for update")
                        .query(Long.class).single();
                Long to = jdbc.sql("select max(seq) from (select seq from audit_event where seq > ? order by seq "
                        + "limit ?) x").params(from, BATCH).query(Long.class).optional().orElse(null);
                if (to == null) {
                    return 0L;
                }
                jdbc.sql("insert into audit_record_ref (ref, seq) select distinct unnest(records), seq from audit_event "
                        + "where seq > ? and seq <= ? on conflict do nothing").params(from, to).update();
                jdbc.sql("update audit_index_state set indexed_seq = ? where id = 1").param(to).update();
                return to - from;
            });
            if (done == null || done == 0) {
                return total;
            }
            total += done;
        }
    }
}
