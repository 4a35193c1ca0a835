package org.soteria.network;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.soteria.platform.Fault;
import org.soteria.platform.ForceMode;
import org.soteria.platform.Invalid;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.soteria.web.HubFileActions;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/** A force's pages for the learning network (force mode): settings, registration, files sent, notices. */
@Controller
@ForceMode
class NetworkController {

    private static final int PAGE_SIZE = 20;
    private static final int NOTICES_PAGE = 50;

    private final NetworkService network;
    private final NationalFrameworks frameworks;

    NetworkController(NetworkService network, NationalFrameworks frameworks) {
        this.frameworks = frameworks;
        this.network = network;
    }

    @GetMapping("/network")
    String page(@AuthenticationPrincipal SoteriaUser user, @RequestParam(required = false) String page, Model model) {
        int p = RequestValues.page(page);
        NetworkService.Status status = network.status(p, PAGE_SIZE);
        model.addAttribute("activeNav", "network");
        model.addAttribute("status", status);
        model.addAttribute("page", p);
        model.addAttribute("pages", Math.max(1, (status.submissionCount() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("canSeeNotices", user.can(Permission.VIEW_NETWORK_NOTICES));
        model.addAttribute("sharedGuidance", network.sharedGuidance());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("form")) {
            NetworkRepository.Link link = status.link();
            model.addAttribute("form", Map.of("hubUrl", link.hubUrl() == null ? "" : link.hubUrl(), "contact",
                    link.contact() == null ? "" : link.contact()));
        }
        return "network/force";
    }

    @PostMapping("/network/settings")
    String settings(@AuthenticationPrincipal SoteriaUser user, @RequestParam(required = false) String hubUrl,
            @RequestParam(required = false) String contact, @RequestParam(required = false) String secret,
            RedirectAttributes redirect) {
        try {
            network.saveSettings(user, hubUrl, contact, secret);
            redirect.addFlashAttribute("saved", "{networkDone.settingsSaved}");
        } catch (Invalid e) {
            redirect.addFlashAttribute("errors", e.errors());
            redirect.addFlashAttribute("form", Map.of("hubUrl", hubUrl == null ? "" : hubUrl, "contact",
                    contact == null ? "" : contact));
        }
        return "redirect:/network";
    }

    @PostMapping("/network/register")
    String register(@AuthenticationPrincipal SoteriaUser user, RedirectAttributes redirect) {
        try {
            String fingerprint = network.register(user);
            redirect.addFlashAttribute("saved", Fault.of("networkDone.registrationSent",
                    fingerprint));
        } catch (Invalid e) {
            redirect.addFlashAttribute("problem", java.util.List.copyOf(e.errors().values()));
        } catch (HubClient.Failed | IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", problem(e));
        }
        return "redirect:/network";
    }

    @GetMapping("/network/registration.json")
    ResponseEntity<byte[]> registrationFile(@AuthenticationPrincipal SoteriaUser user, HttpServletRequest request,
            HttpServletResponse response) {
        try {
            Messages.Registration r = network.registration(user);
            return download("registration-" + r.force() + ".json", Envelope.JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(r));
        } catch (Invalid e) {
            return backWith(e, request, response);
        }
    }

    /** Back to the network page with the problem shown, for a download that cannot be made yet. */
    private static ResponseEntity<byte[]> backWith(Invalid e, HttpServletRequest request, HttpServletResponse response) {
        RequestContextUtils.getOutputFlashMap(request).put("problem", java.util.List.copyOf(e.errors().values()));
        RequestContextUtils.saveOutputFlashMap("/network", request, response);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/network")).build();
    }

    @PostMapping("/network/hub-key")
    String hubKey(@AuthenticationPrincipal SoteriaUser user, @RequestParam(required = false) String hubKey,
            RedirectAttributes redirect) {
        try {
            network.trustHubKey(user, hubKey);
            redirect.addFlashAttribute("saved", "{networkDone.hubKeyRecorded}");
        } catch (Invalid e) {
            redirect.addFlashAttribute("problem", java.util.List.copyOf(e.errors().values()));
        }
        return "redirect:/network";
    }

    @GetMapping("/network/benchmark")
    String benchmark(Model model, RedirectAttributes redirect) {
        model.addAttribute("activeNav", "network");
        try {
            model.addAttribute("bundle", network.benchmark());
        } catch (Invalid e) {
            redirect.addFlashAttribute("problem", java.util.List.copyOf(e.errors().values()));
            return "redirect:/network";
        }
        return "network/benchmark";
    }

    @PostMapping("/network/benchmark/send")
    String sendBenchmark(@AuthenticationPrincipal SoteriaUser user, RedirectAttributes redirect) {
        return sent(redirect, () -> network.send(network.benchmarkFile(user, "https")), "networkDone.hubAcceptedBenchmark");
    }

    @GetMapping("/network/progress")
    String progress(@AuthenticationPrincipal SoteriaUser user, Model model) {
        model.addAttribute("activeNav", "network");
        ProgressBundle bundle = network.progress(user.forceCode());
        model.addAttribute("bundle", bundle);
        model.addAttribute("progress", HubProgress.preview(bundle));
        return "network/progress";
    }

    @PostMapping("/network/progress/send")
    String sendProgress(@AuthenticationPrincipal SoteriaUser user, RedirectAttributes redirect) {
        return sent(redirect, () -> network.send(network.progressFile(user, "https")), "networkDone.hubAcceptedProgress");
    }

    @PostMapping("/network/encodings/send")
    String sendEncodings(@AuthenticationPrincipal SoteriaUser user, RedirectAttributes redirect) {
        return sent(redirect, () -> network.send(network.encodingsFile(user, "https")), "networkDone.hubAcceptedEncodings");
    }

    @PostMapping("/network/checkpoint/send")
    String sendCheckpoint(@AuthenticationPrincipal SoteriaUser user, RedirectAttributes redirect) {
        try {
            NetworkService.CheckpointWitnessed w = network.sendCheckpoint(user);
            if (w.logAgrees()) {
                redirect.addFlashAttribute("saved", Fault.of("networkDone.checkpointAgrees", w.held()));
            } else {
                redirect.addFlashAttribute("problem", Fault.of("networkError.checkpointDisagrees",
                        w.held()));
            }
        } catch (Invalid e) {
            redirect.addFlashAttribute("problem", java.util.List.copyOf(e.errors().values()));
        } catch (HubClient.Failed | IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", problem(e));
        }
        return "redirect:/network";
    }

    private String sent(RedirectAttributes redirect, java.util.function.Supplier<Messages.Answer> send, String done) {
        try {
            Messages.Answer a = send.get();
            if (a.accepted()) {
                redirect.addFlashAttribute("saved", Fault.of(done, a.detail()));
            } else {
                redirect.addFlashAttribute("problem", Fault.of("networkError.hubRefusedFile", a.detail()));
            }
        } catch (Invalid e) {
            redirect.addFlashAttribute("problem", java.util.List.copyOf(e.errors().values()));
        } catch (HubClient.Failed | IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", problem(e));
        }
        return "redirect:/network";
    }

    @PostMapping("/network/benchmark.json")
    ResponseEntity<byte[]> benchmarkFile(@AuthenticationPrincipal SoteriaUser user, HttpServletRequest request,
            HttpServletResponse response) {
        return signed(() -> network.benchmarkFile(user, "file"), request, response);
    }

    @PostMapping("/network/encodings.json")
    ResponseEntity<byte[]> encodingsFile(@AuthenticationPrincipal SoteriaUser user, HttpServletRequest request,
            HttpServletResponse response) {
        return signed(() -> network.encodingsFile(user, "file"), request, response);
    }

    @PostMapping("/network/guidance/send")
    String sendGuidance(@AuthenticationPrincipal SoteriaUser user, RedirectAttributes redirect) {
        return sent(redirect, () -> network.send(network.guidanceFile(user, "https")), "networkDone.hubAcceptedGuidance");
    }

    @PostMapping("/network/guidance.json")
    ResponseEntity<byte[]> guidanceFile(@AuthenticationPrincipal SoteriaUser user, HttpServletRequest request,
            HttpServletResponse response) {
        return signed(() -> network.guidanceFile(user, "file"), request, response);
    }

    @PostMapping("/network/progress.json")
    ResponseEntity<byte[]> progressFile(@AuthenticationPrincipal SoteriaUser user, HttpServletRequest request,
            HttpServletResponse response) {
        return signed(() -> network.progressFile(user, "file"), request, response);
    }

    /** A signed file to download, named by its kind and number; back to the page with the reason if none can be made. */
    private ResponseEntity<byte[]> signed(java.util.function.Supplier<NetworkService.Signed> sign,
            HttpServletRequest request, HttpServletResponse response) {
        try {
            NetworkService.Signed s = sign.get();
            return download(s.kind() + "-" + s.sequence() + ".json", s.text());
        } catch (Invalid e) {
            return backWith(e, request, response);
        }
    }

    private static ResponseEntity<byte[]> download(String name, String text) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(text.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/network/notices")
    String notices(@AuthenticationPrincipal SoteriaUser user, @RequestParam(required = false) String page,
            Model model) {
        int p = RequestValues.page(page);
        NetworkService.Notices notices = network.notices(user, p, NOTICES_PAGE);
        model.addAttribute("activeNav", "network");
        model.addAttribute("notices", notices.rows());
        model.addAttribute("total", notices.total());
        model.addAttribute("page", p);
        model.addAttribute("pages", Math.max(1, (notices.total() + NOTICES_PAGE - 1) / NOTICES_PAGE));
        model.addAttribute("canShare", user.can(Permission.SHARE_WITH_NETWORK));
        model.addAttribute("link", network.status(1, 1).link());
        return "network/notices";
    }

    @PostMapping("/network/notices/fetch")
    String fetch(@AuthenticationPrincipal SoteriaUser user, RedirectAttributes redirect) {
        try {
            Messages.Answer a = network.fetchNotices(user);
            redirect.addFlashAttribute(a.accepted() ? "saved" : "problem", a.accepted() ? "{networkDone.noticesUpToDate}"
                    : Fault.of("networkError.hubRefusedRequest", a.detail()));
        } catch (Invalid e) {
            redirect.addFlashAttribute("problem", java.util.List.copyOf(e.errors().values()));
        } catch (HubClient.Failed | IllegalArgumentException | Envelope.Rejected e) {
            redirect.addFlashAttribute("problem", problem(e));
        }
        return "redirect:/network/notices";
    }

    @PostMapping("/network/notices/upload")
    String upload(@AuthenticationPrincipal SoteriaUser user, @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("problem", "{networkError.chooseTheNoticesFileDownloaded}");
            return "redirect:/network/notices";
        }
        try {
            int n = network.importNotices(user, new String(file.getBytes(), StandardCharsets.UTF_8));
            redirect.addFlashAttribute("saved", Fault.of("networkDone.noticesTakenIn", Fault.count(n)));
        } catch (Invalid e) {
            List<String> faults = new ArrayList<>();
            faults.add(Fault.of("networkError.inFile", file.getOriginalFilename()));
            faults.addAll(e.errors().values());
            redirect.addFlashAttribute("problem", faults);
        }
        return "redirect:/network/notices";
    }

    @GetMapping("/network/frameworks")
    String frameworks(Model model) {
        model.addAttribute("activeNav", "network");
        model.addAttribute("offers", frameworks.offers());
        return "network/frameworks";
    }

    @PostMapping("/network/frameworks/fetch")
    String fetchFrameworks(@AuthenticationPrincipal SoteriaUser user, RedirectAttributes redirect) {
        HubFileActions.fetch(() -> frameworks.fetch(user), n -> Fault.of("frameworkOffer.taken", Fault.count(n)),
                redirect);
        return "redirect:/network/frameworks";
    }

    @PostMapping("/network/frameworks/upload")
    String uploadFrameworks(@AuthenticationPrincipal SoteriaUser user, @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect) throws IOException {
        HubFileActions.upload(file, text -> frameworks.upload(user, text), n -> Fault.of("frameworkOffer.taken",
                Fault.count(n)), "frameworkOffer.chooseFile", redirect);
        return "redirect:/network/frameworks";
    }

    @PostMapping("/network/frameworks/accept")
    String acceptFramework(@AuthenticationPrincipal SoteriaUser user, @RequestParam(required = false) String name,
            @RequestParam(required = false) String version, RedirectAttributes redirect) {
        return accepted(() -> frameworks.accept(user, name, version), Fault.of("frameworkOffer.accepted", name, version),
                redirect);
    }

    @PostMapping("/network/frameworks/accept-template")
    String acceptReviewTemplate(@AuthenticationPrincipal SoteriaUser user, @RequestParam(required = false) String name,
            @RequestParam(required = false) String version, RedirectAttributes redirect) {
        return accepted(() -> frameworks.acceptTemplate(user, name, version), Fault.of("reviewTemplateOffer.accepted",
                name, version), redirect);
    }

    /** Accepts a version from the hub's file and says so, or gives the reasons it cannot be. */
    private static String accepted(Runnable accept, String saved, RedirectAttributes redirect) {
        try {
            accept.run();
            redirect.addFlashAttribute("saved", saved);
        } catch (Invalid e) {
            redirect.addFlashAttribute("problem", List.copyOf(e.errors().values()));
        }
        return "redirect:/network/frameworks";
    }

    /**
     * A failure for the page: a message code as it came (the hub's address, an unreachable hub), or the network
     * protocol's own words, which travel between forces in English, within one.
     */
    private static String problem(RuntimeException e) {
        String m = String.valueOf(e.getMessage());
        return m.startsWith("{") && m.endsWith("}") ? m : Fault.of("networkError.networkSaid", m);
    }
}
