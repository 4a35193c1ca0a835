package org.soteria.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soteria.performance.Charts;
import org.soteria.performance.Words;
import org.soteria.platform.Fault;
import org.soteria.platform.HubMode;
import org.soteria.platform.Invalid;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.soteria.web.RequestValues;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The hub's pages (hub mode): the comparison, forces and their registrations, files received and uploads. */
@Controller
@HubMode
class HubController {

    private static final int PAGE_SIZE = 25;

    private final HubService hub;

    private final org.springframework.context.MessageSource messages;
    private final HubOversight oversight;
    private final HubProgress progress;
    private final NationalFrameworks frameworks;
    private final NationalCatalogue catalogue;
    private final NationalPractice guidance;
    private final org.soteria.audit.AuditService audit;

    HubController(HubService hub, org.springframework.context.MessageSource messages, HubOversight oversight,
            HubProgress progress, NationalFrameworks frameworks, NationalCatalogue catalogue, NationalPractice guidance,
            org.soteria.audit.AuditService audit) {
        this.hub = hub;
        this.frameworks = frameworks;
        this.catalogue = catalogue;
        this.guidance = guidance;
        this.audit = audit;
        this.progress = progress;
        this.messages = messages;
        this.oversight = oversight;
    }

    @GetMapping("/hub")
    String comparison(@AuthenticationPrincipal SoteriaUser user, @RequestParam(required = false) String measure,
            @RequestParam(required = false) String quarter, @RequestParam(required = false) String force,
            @RequestParam(required = false) String group, Model model) {
        boolean national = user.can(Permission.MODERATE_NETWORK);
        String focus = national ? (force == null || force.isBlank() ? null : force) : user.forceCode();
        HubService.Comparison c = hub.comparison(Compared.of(measure), quarter, focus, national, group);
        List<HubRepository.HubForce> approved = hub.forces().stream().filter(HubRepository.HubForce::approved).toList();
        boolean member = focus != null && approved.stream().anyMatch(f -> f.code().equals(focus));
        model.addAttribute("activeNav", "hub");
        model.addAttribute("c", c);
        model.addAttribute("national", national);
        model.addAttribute("member", member);
        model.addAttribute("measures", Compared.values());
        model.addAttribute("groups", org.soteria.reference.OffenceGroup.values());
        model.addAttribute("forces", national ? approved : List.of());
        model.addAttribute("oversight", national ? oversight.now() : null);
        Words w = new Words(messages, org.springframework.context.i18n.LocaleContextHolder.getLocale());
        model.addAttribute("funnel", funnel(c, w));
        model.addAttribute("unit", c.measure().unit() == null ? null : w.say(c.measure().unit()));
        model.addAttribute("trendChart", c.trend().isEmpty() ? null : trend(c, w));
        return "hub/comparison";
    }

    /** The comparison as CSV (the forces shown) or an XLSX workbook (with the trend), as the page shows it; logged. */
    @GetMapping({"/hub/comparison.csv", "/hub/comparison.xlsx"})
    ResponseEntity<byte[]> comparisonFile(@AuthenticationPrincipal SoteriaUser user,
            @RequestParam(required = false) String measure, @RequestParam(required = false) String quarter,
            @RequestParam(required = false) String force, @RequestParam(required = false) String group,
            jakarta.servlet.http.HttpServletRequest request) {
        boolean national = user.can(Permission.MODERATE_NETWORK);
        String focus = national ? (force == null || force.isBlank() ? null : force) : user.forceCode();
        HubService.Comparison c = hub.comparison(Compared.of(measure), quarter, focus, national, group);
        Words w = new Words(messages, org.springframework.context.i18n.LocaleContextHolder.getLocale());
        boolean amount = c.measure().amount();
        List<List<Object>> points = new ArrayList<>();
        for (HubService.Point p : c.points()) {
            if (national || p.own()) {
                points.add(amount ? java.util.Arrays.asList(p.label(), p.outcomes(), p.rate())
                        : java.util.Arrays.asList(p.label(), p.outcomes(), p.numerator(), p.rate(),
                                w.say("funnel." + p.position().name())));
            }
        }
        List<List<Object>> trend = new ArrayList<>();
        c.trend().forEach(t -> trend.add(java.util.Arrays.asList(t.quarter(), t.force(), t.peers(), t.national())));
        List<String> columns = amount ? List.of("Force", c.measure().denominatorLabel(), c.measure().label())
                : List.of("Force", c.measure().denominatorLabel(), Character.toUpperCase(
                        c.measure().numeratorLabel().charAt(0)) + c.measure().numeratorLabel().substring(1), "Rate",
                        "Against the national rate");
        List<org.soteria.performance.Table> tables = List.of(
                new org.soteria.performance.Table(measureWords(c, w) + ", " + c.quarter(), columns, points),
                new org.soteria.performance.Table("Trend", amount ? List.of("Quarter", "Force", "Peer group",
                        "National") : List.of("Quarter", "Force rate", "Peer group rate",
                        "National rate"), trend));
        boolean xlsx = request.getRequestURI().endsWith(".xlsx");
        audit.record(user.getUsername(), user.role().name(), org.soteria.audit.AuditAction.EXPORT, "hub_comparison",
                c.measure().code(), "comparison " + c.quarter() + ", group " + c.group() + (xlsx ? ", XLSX" : ", CSV"));
        return org.soteria.performance.TableFiles.download("soteria-comparison", xlsx ? tables : tables.subList(0, 1),
                xlsx, w);
    }

    private static String funnel(HubService.Comparison c, Words w) {
        if (c.national() == null || c.points().isEmpty()) {
            return null;
        }
        long max = c.points().stream().mapToLong(HubService.Point::outcomes).max().orElse(1);
        long min = Math.max(10, c.points().stream().mapToLong(HubService.Point::outcomes).min().orElse(10) / 2);
        int steps = 60;
        double[] xs = new double[steps + 1];
        double[][] ys = new double[4][steps + 1];
        double p0 = c.national();
        String measure = measureWords(c, w);
        String quarter = SmallNumbers.TOTAL.equals(c.quarter()) ? w.say("chart.hub.wholePeriod")
                : w.say("period.quarter", c.quarter().substring(0, 4), c.quarter().substring(6));
        List<Charts.Dot> dots = new ArrayList<>();
        for (HubService.Point p : c.points()) {
            dots.add(new Charts.Dot(p.outcomes(), p.rate(), p.label(), p.own()));
        }
        if (c.measure().amount()) {
            // No control limits for an amount: each force's against its count, and the national figure's line.
            boolean mean = c.measure().kind() == Compared.Kind.MEAN;
            String national = c.figure(p0, w.say(c.measure().unit()));
            return Charts.scatter("funnel", w.say("chart.hub.medianTitle", measure, quarter),
                    w.say(mean ? "chart.hub.meanDescription" : "chart.hub.medianDescription", small(measure),
                            small(w.text(c.measure().denominatorLabel()))),
                    w.text(c.measure().denominatorLabel()), measure, dots, List.of(new Charts.Curve(
                            w.say(mean ? "chart.hub.allForms" : "chart.hub.middle", national),
                            new double[] {0, max * 1.05}, new double[] {p0, p0}, "#0b0c0c", false)), false);
        }
        for (int i = 0; i <= steps; i++) {
            long n = min + (long) ((max * 1.05 - min) * i / steps);
            xs[i] = n;
            ys[0][i] = Funnel.upper(p0, n, Funnel.Z998);
            ys[1][i] = Funnel.upper(p0, n, Funnel.Z95);
            ys[2][i] = Funnel.lower(p0, n, Funnel.Z95);
            ys[3][i] = Funnel.lower(p0, n, Funnel.Z998);
        }
        List<Charts.Curve> curves = List.of(
                new Charts.Curve(w.say("chart.hub.national", Charts.percent(p0)), new double[] {0, max * 1.05},
                        new double[] {p0, p0}, "#0b0c0c", false),
                new Charts.Curve(w.say("chart.hub.limits95"), xs, ys[1], "#f47738", true),
                new Charts.Curve(w.say("chart.hub.limits998"), xs, ys[0], "#d4351c", false),
                new Charts.Curve("", xs, ys[2], "#f47738", true),
                new Charts.Curve("", xs, ys[3], "#d4351c", false));
        return Charts.scatter("funnel", w.say("chart.hub.funnelTitle", measure, quarter),
                w.say("chart.hub.funnelDescription", small(measure), measure,
                        small(w.text(c.measure().denominatorLabel()))), w.text(c.measure().denominatorLabel()), measure, dots,
                curves);
    }

    private static String trend(HubService.Comparison c, Words w) {
        List<String> labels = new ArrayList<>();
        Double[] own = new Double[c.trend().size()];
        Double[] peers = new Double[c.trend().size()];
        Double[] national = new Double[c.trend().size()];
        for (int i = 0; i < c.trend().size(); i++) {
            HubService.TrendRow r = c.trend().get(i);
            labels.add(r.quarter().substring(2));
            own[i] = r.force();
            peers[i] = r.peers();
            national[i] = r.national();
        }
        Map<String, Double[]> series = new LinkedHashMap<>();
        series.put(c.focusName(), own);
        if (c.peerGroup() != null) {
            series.put(w.say("chart.hub.peerGroup"), peers);
        }
        series.put(w.say("chart.hub.nationalSeries"), national);
        String measure = measureWords(c, w);
        return Charts.lines("trend", w.say("chart.hub.trendTitle", measure),
                w.say("chart.hub.trendDescription", small(measure), measure, c.focusName()), labels, series,
                !c.measure().amount());
    }

    /** The measure as a chart names it, with the offence group when the comparison is of one group. */
    private static String measureWords(HubService.Comparison c, Words w) {
        String m = w.text(c.measure().label());
        return org.soteria.reference.Coded.parse(org.soteria.reference.OffenceGroup.class, c.group())
                .map(g -> m + " (" + w.of(g) + ")").orElse(m);
    }

    /** "Charge rate" as the middle of a sentence says it ("charge rate"); a name in capitals ("CPS …") as it is. */
    private static String small(String words) {
        return words.length() > 1 && Character.isUpperCase(words.charAt(1)) ? words
                : Character.toLowerCase(words.charAt(0)) + words.substring(1);
    }

    @GetMapping("/hub/forces")
    String forces(Model model) {
        model.addAttribute("activeNav", "hub-forces");
        model.addAttribute("forces", hub.forces());
        model.addAttribute("pairs", hub.pairCounts());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "hub/forces";
    }

    @PostMapping("/hub/forces/registrations")
    String registrationFile(@AuthenticationPrincipal SoteriaUser user, @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("errors", Map.of("file", "{networkError.chooseRegistrationFile}"));
            return "redirect:/hub/forces";
        }
        try {
            Messages.Registration r = Envelope.JSON.readValue(new String(file.getBytes(), StandardCharsets.UTF_8),
                    Messages.Registration.class);
            String fp = hub.requestRegistration(r, "file", user.getUsername());
            redirect.addFlashAttribute("saved", Fault.of("networkDone.registrationRecorded", r.force(), fp));
        } catch (tools.jackson.core.JacksonException e) {
            redirect.addFlashAttribute("errors", Map.of("file", file.getOriginalFilename()
                    + " is not a registration file (JSON with force, name, publicKey and contact)"));
        } catch (Invalid e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach((k, v) -> errors.put("file", file.getOriginalFilename() + ": " + v));
            redirect.addFlashAttribute("errors", errors);
        }
        return "redirect:/hub/forces";
    }

    @GetMapping("/hub/forces/{code}")
    String force(@PathVariable String code, @RequestParam(required = false) String page, Model model) {
        HubRepository.HubForce f = found(code);
        int p = RequestValues.page(page);
        model.addAttribute("activeNav", "hub-forces");
        model.addAttribute("force", f);
        model.addAttribute("peerGroups", hub.peerGroups());
        model.addAttribute("published", hub.published(code));
        model.addAttribute("progress", progress.of(f));
        model.addAttribute("encodings", hub.encodingCount(code));
        model.addAttribute("checkpoint", hub.checkpoint(code).orElse(null));
        model.addAttribute("receipts", hub.receipts(code, p, PAGE_SIZE));
        model.addAttribute("page", p);
        model.addAttribute("pages", Math.max(1, (hub.receiptCount(code) + PAGE_SIZE - 1) / PAGE_SIZE));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "hub/force";
    }

    private HubRepository.HubForce found(String code) {
        try {
            return hub.force(code);
        } catch (java.util.NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    @PostMapping("/hub/forces/{code}/decision")
    String decide(@AuthenticationPrincipal SoteriaUser user, @PathVariable String code,
            @RequestParam(required = false) String decision, @RequestParam(required = false) String peerGroup,
            RedirectAttributes redirect) {
        found(code);
        if (!"approve".equals(decision) && !"refuse".equals(decision)) {
            redirect.addFlashAttribute("errors", Map.of("decision", "{networkError.chooseApproveOrRefuse}"));
            return "redirect:/hub/forces/" + code;
        }
        try {
            hub.decide(code, "approve".equals(decision), peerGroup, user);
            redirect.addFlashAttribute("saved", "approve".equals(decision)
                    ? "{networkDone.registrationApproved}" : "{networkDone.registrationRefused}");
        } catch (Invalid e) {
            redirect.addFlashAttribute("errors", e.errors());
        }
        return "redirect:/hub/forces/" + code;
    }

    @GetMapping("/hub/receipts")
    String receipts(@RequestParam(required = false) String page, Model model) {
        int p = RequestValues.page(page);
        model.addAttribute("activeNav", "hub-receipts");
        model.addAttribute("receipts", hub.receipts(null, p, PAGE_SIZE));
        model.addAttribute("page", p);
        model.addAttribute("pages", Math.max(1, (hub.receiptCount(null) + PAGE_SIZE - 1) / PAGE_SIZE));
        return "hub/receipts";
    }

    @GetMapping("/hub/upload")
    String uploadForm(@AuthenticationPrincipal SoteriaUser user, Model model) {
        model.addAttribute("activeNav", "hub-upload");
        model.addAttribute("national", user.can(Permission.MODERATE_NETWORK));
        model.addAttribute("catalogue", catalogue.published());
        model.addAttribute("guidance", guidance.published());
        return "hub/upload";
    }

    @PostMapping("/hub/upload")
    String upload(@AuthenticationPrincipal SoteriaUser user, @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("problem", "{networkError.chooseASignedFileFrom}");
            return "redirect:/hub/upload";
        }
        Messages.Answer a = hub.receive(new String(file.getBytes(), StandardCharsets.UTF_8), "file", user);
        if (a.accepted()) {
            redirect.addFlashAttribute("saved", Fault.of("networkDone.fileAccepted", file.getOriginalFilename(),
                    a.detail()));
        } else {
            redirect.addFlashAttribute("problem", Fault.of("networkError.fileRefused", file.getOriginalFilename(),
                    a.detail(), a.receipt()));
        }
        return "redirect:/hub/upload";
    }

    /** The national frameworks file, signed, to take to a force whose network blocks calls out (logged). */
    @GetMapping("/hub/frameworks.json")
    ResponseEntity<byte[]> frameworksFile(@AuthenticationPrincipal SoteriaUser user) {
        return download(user, frameworks.signedFile(), "hub_frameworks", "national frameworks", "frameworks.json");
    }

    @GetMapping("/hub/catalogue.json")
    ResponseEntity<byte[]> catalogueFile(@AuthenticationPrincipal SoteriaUser user) {
        return download(user, catalogue.signedFile(), "hub_catalogue", "national training catalogue",
                "training-catalogue.json");
    }

    /** The practice library's latest version as national guidance, signed (ADR 40). */
    @GetMapping("/hub/guidance.json")
    ResponseEntity<byte[]> guidanceFile(@AuthenticationPrincipal SoteriaUser user) {
        return download(user, guidance.signedFile().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)),
                "hub_guidance", "national guidance", "national-guidance.json");
    }

    /** A file the hub signs for forces, as a download (logged). */
    private ResponseEntity<byte[]> download(SoteriaUser user, String file, String target, String what, String name) {
        audit.record(user.getUsername(), user.role().name(), org.soteria.audit.AuditAction.EXPORT, target, "latest",
                what + " file downloaded");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(file.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/hub/notices/{code}")
    ResponseEntity<byte[]> notices(@AuthenticationPrincipal SoteriaUser user, @PathVariable String code) {
        found(code);
        String file;
        try {
            file = hub.noticesFileFor(user, code);
        } catch (SecurityException e) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("notices-" + code + ".json").build().toString())
                .body(file.getBytes(StandardCharsets.UTF_8));
    }
}
