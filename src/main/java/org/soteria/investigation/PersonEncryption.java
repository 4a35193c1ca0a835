package org.soteria.investigation;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps people's sensitive fields encrypted under the current key: at start it encrypts any row
 * still in plaintext (written before V10), and {@link #rotate()} re-encrypts rows under an older key
 * (soteria encryption rotate). Works in batches, each in its own transaction.
 */
@Component
public class PersonEncryption implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(PersonEncryption.class);
    private static final int BATCH = 2000;

    private final JdbcClient jdbc;
    private final PersonFields fields;
    private final NameIndex names;
    private final TransactionTemplate tx;
    /** Set when the application stops: the background indexer ends after its batch, before the pool closes. */
    private volatile boolean stopping;
    private Thread indexer;

    public PersonEncryption(JdbcClient jdbc, PersonFields fields, NameIndex names,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.fields = fields;
        this.names = names;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Puts into the name search index (ADR 27) every person it lacks, or holds under a search key other than the
     * current one; returns how many. Batches skip rows another run holds, so two runs never wait on each other.
     */
    public long reindexNames() {
        long total = 0;
        while (!stopping) {
            Integer n = tx.execute(status -> {
                List<Row> rows = jdbc.sql("select id, force_code, person_id, given_name, middle_names, family_name, "
                                + "encrypted from person where name_keys_by is distinct from ? order by id limit "
                                + BATCH + " for update skip locked")
                        .param(names.keyId())
                        .query((rs, i) -> {
                            String[] v = {rs.getString(4), rs.getString(5), rs.getString(6)};
                            if (rs.getBoolean(7)) {
                                for (int c = 0; c < v.length; c++) {
                                    v[c] = fields.open(rs.getString(2), rs.getString(3), PersonFields.ENCRYPTED.get(c), v[c]);
                                }
                            }
                            return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), v);
                        }).list();
                for (Row r : rows) {
                    jdbc.sql("update person set name_keys = cast(? as bigint[]), name_keys_by = ? where id = ?")
                            .params(NameIndex.literal(names.keys(r.values()[0], r.values()[1], r.values()[2])),
                                    names.keyId(), r.id())
                            .update();
                }
                return rows.size();
            });
            if (n == null || n == 0) {
                names.completed();
                return total;
            }
            total += n;
        }
        return total;
    }

    /**
     * Lets the background indexer finish its batch before the connections close (a command ending on a data folder
     * from before the index used to print the batch's broken connection); what is left is indexed at the next start.
     */
    @jakarta.annotation.PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        if (indexer != null) {
            indexer.join(10_000);
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        long done = encryptPlaintext();
        if (done > 0) {
            LOG.info("Encrypted the sensitive fields of {} people stored before encryption at rest", done);
        }
        // People stored before the name search index, or indexed under an older search key, are indexed in the
        // background: the whole-name index finds them meanwhile.
        indexer = new Thread(() -> {
            try {
                long n = reindexNames();
                if (n > 0) {
                    LOG.info("Put {} people into the name search index", n);
                }
            } catch (RuntimeException e) {
                LOG.warn("The name search index could not be brought up to date: {}", e.toString());
            }
        }, "name-index");
        indexer.setDaemon(true);
        indexer.start();
    }

    private record Row(long id, String force, String personId, String[] values) {
    }

    /** Encrypts every row still in plaintext; returns how many. */
    public long encryptPlaintext() {
        return loop("not encrypted", false);
    }

    /** Re-encrypts every row under a key other than the current one; returns how many. */
    public long rotate() {
        return loop("encrypted and key_id is distinct from '" + fields.currentKeyId().replace("'", "") + "'", true);
    }

    private long loop(String condition, boolean decryptFirst) {
        long total = 0;
        while (true) {
            Integer n = tx.execute(status -> {
                List<Row> rows = jdbc.sql("select id, force_code, person_id, " + String.join(", ", PersonFields.ENCRYPTED)
                                + " from person where " + condition + " order by id limit " + BATCH + " for update")
                        .query((rs, i) -> {
                            String[] v = new String[PersonFields.ENCRYPTED.size()];
                            for (int c = 0; c < v.length; c++) {
                                v[c] = rs.getString(4 + c);
                            }
                            return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), v);
                        }).list();
                for (Row r : rows) {
                    String[] plain = decryptFirst ? fields.open(r.force(), r.personId(), r.values()) : r.values();
                    PersonFields.Sealed s = fields.seal(r.force(), r.personId(), plain);
                    jdbc.sql("update person set given_name = ?, middle_names = ?, family_name = ?, postcode = ?, "
                                    + "address = ?, phone = ?, email = ?, given_name_index = ?, family_name_index = ?, "
                                    + "fields_mac = ?, key_id = ?, encrypted = true where id = ?")
                            .params(s.values()[0], s.values()[1], s.values()[2], s.values()[3], s.values()[4],
                                    s.values()[5], s.values()[6], s.givenNameIndex(), s.familyNameIndex(), s.mac(),
                                    s.keyId(), r.id())
                            .update();
                }
                return rows.size();
            });
            if (n == null || n == 0) {
                return total;
            }
            total += n;
        }
    }
}
