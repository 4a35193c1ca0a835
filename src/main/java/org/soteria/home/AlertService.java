package org.soteria.home;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.soteria.platform.DataScope;
import org.soteria.platform.ForceMode;
import org.soteria.platform.Invalid;
import org.soteria.platform.Language;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.soteria.security.UserService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts that arrive (issue 24): a person chooses a daily summary of their work, messages straight away when work
 * of theirs becomes overdue or due today, or both, sent to their address at the force through the force's SMTP
 * server ({@code spring.mail.host}; without it, nothing is sent and the home page alone tells). Each message
 * counts work and links to it, as the home page does, and carries nothing personal (ADR 26). Each message sent or
 * failed is recorded; after {@value #RETRIES} failures a kind waits (the daily summary until the next day, the
 * others an hour), so a mail server that is down is not hammered.
 */
@ForceMode
@Service
public class AlertService {

    private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);
    static final int RETRIES = 3;
    static final int SHOWN_MESSAGES = 20;
    // A single address, as people type theirs: something@domain, with no spaces, commas or angle brackets (so the
    // field can never name a second recipient).
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@,;<>()\"]{1,64}@([a-z0-9-]+\\.)+[a-z]{2,}");

    private final AlertRepository alerts;
    private final HomeService home;
    private final UserService users;
    private final DataScope scope;
    private final AuditService audit;
    private final Clock clock;
    private final ObjectProvider<JavaMailSender> mail;
    private final AlertText text;
    private final List<String> domains;
    private final String from;
    private final LocalTime dailyAt;

    public AlertService(AlertRepository alerts, HomeService home, UserService users, DataScope scope, AuditService audit,
            Clock clock, ObjectProvider<JavaMailSender> mail, MessageSource messages,
            @Value("${soteria.alerts.base-url:http://localhost:8080}") String baseUrl,
            @Value("${soteria.alerts.domains:police.uk}") List<String> domains,
            @Value("${soteria.alerts.from:soteria-alerts@localhost}") String from,
            @Value("${soteria.alerts.daily-at:07:00}") LocalTime dailyAt) {
        this.alerts = alerts;
        this.home = home;
        this.users = users;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
        this.mail = mail;
        this.text = new AlertText(messages, baseUrl);
        this.domains = domains.stream().map(d -> d.trim().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty()).toList();
        this.from = from;
        this.dailyAt = dailyAt;
    }

    /** What the alerts page shows: the person's choice (if any), whether e-mail is set up, the messages sent. */
    public record Settings(String email, boolean daily, boolean immediate, boolean chosen, boolean mailSetUp,
            List<String> domains, LocalTime dailyAt, List<AlertRepository.Message> messages) {
    }

    @Transactional(readOnly = true)
    public Settings settings(SoteriaUser user) {
        var sub = alerts.subscription(user.getUsername());
        return new Settings(sub.map(AlertRepository.Subscription::email).orElse(""),
                sub.map(AlertRepository.Subscription::daily).orElse(true),
                sub.map(AlertRepository.Subscription::immediate).orElse(false), sub.isPresent(), mailSetUp(), domains,
                dailyAt, alerts.messages(user.getUsername(), SHOWN_MESSAGES));
    }

    /** Whether this instance has an SMTP server to send through. */
    public boolean mailSetUp() {
        return mail.getIfAvailable() != null;
    }

    /** The address as it is kept: trimmed and in lower case. Refused, with the field's message, unless it is one. */
    String address(String typed) {
        String email = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            throw new Invalid("email", "{alertError.enterEmail}");
        }
        if (email.length() > 254 || !ADDRESS.matcher(email).matches()) {
            throw new Invalid("email", "{alertError.notAnEmail}");
        }
        String domain = email.substring(email.indexOf('@') + 1);
        if (domains.stream().noneMatch(d -> domain.equals(d) || domain.endsWith("." + d))) {
            throw new Invalid("email", "{alertError.notTheForce|" + String.join(", ", domains) + "}");
        }
        return email;
    }

    /** Saves the person's choice of alerts; audited (without the address). */
    @Transactional
    public void choose(SoteriaUser user, String typedEmail, boolean daily, boolean immediate) {
        Map<String, String> faults = new LinkedHashMap<>();
        String email = null;
        try {
            email = address(typedEmail);
        } catch (Invalid e) {
            faults.putAll(e.errors());
        }
        if (!daily && !immediate) {
            faults.put("how", "{alertError.chooseHow}");
        }
        if (!faults.isEmpty()) {
            throw new Invalid(faults);
        }
        alerts.choose(user.getUsername(), email, daily, immediate, clock.instant());
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.ACCOUNT_CHANGE, "account",
                user.getUsername()).detail("alerts by e-mail: " + (daily ? "daily" : "") + (daily && immediate ? " and " : "")
                + (immediate ? "straight away" : "")));
    }

    /** Stops the person's alerts by e-mail; audited. False when there were none. */
    @Transactional
    public boolean stop(SoteriaUser user) {
        boolean stopped = alerts.stop(user.getUsername());
        if (stopped) {
            audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.ACCOUNT_CHANGE, "account",
                    user.getUsername()).detail("alerts by e-mail stopped"));
        }
        return stopped;
    }

    /** Sends the person a message now, with their work as it is, to show alerts reach them. */
    public boolean test(SoteriaUser user) {
        var sub = alerts.subscription(user.getUsername())
                .orElseThrow(() -> new Invalid("email", "{alertError.chooseFirst}"));
        if (!mailSetUp()) {
            throw new Invalid("email", "{alertError.noMail}");
        }
        List<Work> work = flat(home.work(user));
        return send(sub, AlertText.Kind.TEST, work, Set.of(), clock.instant());
    }

    /**
     * The regular check (every few minutes, from {@link AlertSchedule}; at any {@code now} in tests): for each
     * person who chose alerts, their work as they would see it, then the daily summary when it is due and a message
     * when urgent work of theirs has grown since they were last told. Returns the number of messages sent.
     */
    public int check(Instant now) {
        if (!mailSetUp()) {
            return 0;
        }
        // Another instance of this force's Soteria checking now will send what is due: this one sends nothing.
        return alerts.whileAlone(() -> checkAll(now)).orElse(0);
    }

    private int checkAll(Instant now) {
        int sent = 0;
        for (AlertRepository.Subscription sub : alerts.subscriptions()) {
            try {
                sent += check(sub, now);
            } catch (RuntimeException e) {
                LOG.warn("Alerts for one account could not be checked: {}", e.toString());
            }
        }
        return sent;
    }

    private int check(AlertRepository.Subscription sub, Instant now) {
        SoteriaUser user = users.account(sub.username()).orElse(null);
        if (user == null || !user.isEnabled()) {
            return 0;
        }
        List<Work> work = flat(scope.asUser(user.getUsername(), user.can(Permission.VIEW_CASES), () -> home.work(user)));
        int sent = 0;
        if (sub.immediate()) {
            sent += immediate(sub, work, now);
        }
        ZonedDateTime local = now.atZone(clock.getZone());
        LocalDate today = local.toLocalDate();
        if (sub.daily() && !local.toLocalTime().isBefore(dailyAt)
                && (sub.dailyDoneOn() == null || sub.dailyDoneOn().isBefore(today))) {
            if (work.isEmpty()) {
                alerts.dailyDone(sub.username(), today);
            } else if (send(sub, AlertText.Kind.DAILY, work, Set.of(), now)) {
                alerts.dailyDone(sub.username(), today);
                sent++;
            } else if (alerts.failuresSince(sub.username(), AlertText.Kind.DAILY.code,
                    today.atStartOfDay(clock.getZone()).toInstant()) >= RETRIES) {
                alerts.dailyDone(sub.username(), today);
            }
        }
        return sent;
    }

    /** A message when an urgent kind has grown since the person was last told; the counts told are remembered. */
    private int immediate(AlertRepository.Subscription sub, List<Work> work, Instant now) {
        Map<String, Long> urgent = new LinkedHashMap<>();
        work.stream().filter(Work::urgent).forEach(w -> urgent.put(w.kind(), w.count()));
        if (sub.told() == null) {
            alerts.told(sub.username(), urgent);
            return 0;
        }
        Set<String> grown = new LinkedHashSet<>();
        urgent.forEach((kind, n) -> {
            if (n > sub.told().getOrDefault(kind, 0L)) {
                grown.add(kind);
            }
        });
        if (grown.isEmpty()) {
            if (!urgent.equals(sub.told())) {
                alerts.told(sub.username(), urgent);
            }
            return 0;
        }
        if (alerts.failuresSince(sub.username(), AlertText.Kind.IMMEDIATE.code, now.minus(Duration.ofHours(1)))
                >= RETRIES) {
            return 0;
        }
        if (send(sub, AlertText.Kind.IMMEDIATE, work.stream().filter(Work::urgent).toList(), grown, now)) {
            alerts.told(sub.username(), urgent);
            return 1;
        }
        return 0;
    }

    private static List<Work> flat(Map<Work.Urgency, List<Work>> grouped) {
        List<Work> out = new ArrayList<>();
        grouped.values().forEach(out::addAll);
        return out;
    }

    /** Sends one message and records it, sent or failed; true when the mail server took it. */
    private boolean send(AlertRepository.Subscription sub, AlertText.Kind kind, List<Work> work, Set<String> fresh,
            Instant now) {
        Locale locale = users.language(sub.username()).map(Language::locale).orElse(Locale.ENGLISH);
        AlertText.Mail m = text.compose(kind, work, fresh, locale);
        String failure = null;
        try {
            JavaMailSender sender = mail.getObject();
            MimeMessage message = sender.createMimeMessage();
            message.setFrom(new InternetAddress(from));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(sub.email(), true));
            message.setSubject(m.subject(), "UTF-8");
            message.setText(m.body(), "UTF-8");
            message.setHeader("Content-Language", locale.getLanguage());
            message.setHeader("Auto-Submitted", "auto-generated");
            sender.send(message);
        } catch (MailException | MessagingException e) {
            failure = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage());
            failure = failure.length() > 500 ? failure.substring(0, 500) : failure;
            LOG.warn("An alert could not be sent: {}", failure);
        }
        alerts.record(sub.username(), kind.code, sub.email(), m.subject(), m.lines(), now, failure);
        return failure == null;
    }
}
