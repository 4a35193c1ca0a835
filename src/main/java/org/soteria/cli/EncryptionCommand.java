package org.soteria.cli;

import java.util.concurrent.Callable;
import org.soteria.investigation.PersonEncryption;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Encryption at rest of people's names, contact details and addresses, and of victims' contact records. */
@Command(name = "encryption", mixinStandardHelpOptions = true,
        description = "Manage encryption at rest of people's names, contact details and addresses.",
        subcommands = {EncryptionCommand.Rotate.class})
final class EncryptionCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Re-encrypt every person, contact plan, contact log entry, feedback comment and authenticator secret under the current key: the first in soteria.encryption.keys "
                    + "(SOTERIA_ENCRYPTION_KEYS). Keep the old key listed after it until this has run; then it can "
                    + "be removed. Also re-indexes people's names under the current search key, the first in "
                    + "soteria.encryption.search-keys (SOTERIA_ENCRYPTION_SEARCH_KEYS), likewise.", "Safe to stop and run again: it works in batches and carries on."})
    static final class Rotate implements Callable<Integer> {

        @Mixin
        DataDirOption dataDir;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext ctx = Contexts.batch(dataDir.dataDir)) {
                long n = ctx.getBean(PersonEncryption.class).rotate();
                System.out.printf("Re-encrypted %,d people under the current key.%n", n);
                long names = ctx.getBean(PersonEncryption.class).reindexNames();
                System.out.printf("Re-indexed %,d people's names under the current search key.%n", names);
                long v = ctx.getBean(org.soteria.victim.VictimEncryption.class).rotate();
                System.out.printf("Re-encrypted %,d victim records (contact plans, contact log, feedback comments).%n",
                        v);
                long w = ctx.getBean(org.soteria.casework.CaseworkEncryption.class).rotate();
                System.out.printf("Re-encrypted %,d casework records (lines of enquiry, reviews, requests, CPS).%n", w);
                long p = ctx.getBean(org.soteria.partner.PartnerEncryption.class).rotate();
                System.out.printf("Re-encrypted %,d ISVAs' records (notes and answers).%n", p);
                long d = ctx.getBean(org.soteria.assessment.DeepDiveEncryption.class).rotate();
                System.out.printf("Re-encrypted %,d deep-dive reviews.%n", d);
                long t = ctx.getBean(org.soteria.security.SecondFactorSecrets.class).rotate();
                System.out.printf("Re-encrypted %,d authenticator secrets.%n", t);
                long k = ctx.getBean(org.soteria.network.NetworkKeys.class).rotate();
                System.out.printf("Re-encrypted %,d learning network keys (signing key, shared linkage secret).%n", k);
                return 0;
            }
        }
    }
}
