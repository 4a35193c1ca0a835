package org.soteria.network;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.soteria.platform.HubMode;
import org.soteria.platform.Invalid;
import org.soteria.reference.Pillar;
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

/** The practice library's pages (hub mode): search, share, a practice with its comments, moderation. */
@Controller
@HubMode
class PracticeController {

    private static final int PAGE_SIZE = 20;

    private final PracticeService practice;

    PracticeController(PracticeService practice) {
        this.practice = practice;
    }

    @GetMapping("/hub/practice")
    String search(@AuthenticationPrincipal SoteriaUser user, @RequestParam(required = false) String q,
            @RequestParam(required = false) String pillar, @RequestParam(required = false) String page, Model model) {
        int p = RequestValues.page(page);
        Integer pillarNumber = Pillar.choices().containsKey(pillar) ? Integer.valueOf(pillar) : null;
        PracticeService.Results results = practice.search(user, q, pillarNumber, p, PAGE_SIZE);
        model.addAttribute("activeNav", "practice");
        model.addAttribute("results", results);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("pillar", pillarNumber == null ? "" : pillarNumber.toString());
        model.addAttribute("pillars", Pillar.choices());
        model.addAttribute("page", p);
        model.addAttribute("pages", Math.max(1, (results.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("baseUrl", "/hub/practice?q=" + java.net.URLEncoder.encode(q == null ? "" : q,
                java.nio.charset.StandardCharsets.UTF_8) + "&pillar=" + (pillarNumber == null ? "" : pillarNumber) + "&");
        model.addAttribute("moderator", user.can(org.soteria.security.Permission.MODERATE_NETWORK));
        return "hub/practice-list";
    }

    @GetMapping("/hub/practice/new")
    String newPractice(Model model) {
        return form(model, Map.of(), new PracticeService.Form("", "", "", "", "", ""));
    }

    private String form(Model model, Map<String, String> errors, PracticeService.Form form) {
        model.addAttribute("activeNav", "practice");
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("pillars", Pillar.choices());
        return "hub/practice-form";
    }

    @PostMapping("/hub/practice/new")
    String submit(@AuthenticationPrincipal SoteriaUser user, PracticeService.Form f, Model model,
            RedirectAttributes redirect) {
        try {
            long id = practice.submit(user, f);
            redirect.addFlashAttribute("saved", "{networkDone.practiceShared}");
            return "redirect:/hub/practice/" + id;
        } catch (Invalid e) {
            return form(model, e.errors(), f);
        }
    }

    @GetMapping("/hub/practice/{id}")
    String view(@AuthenticationPrincipal SoteriaUser user, @PathVariable String id, Model model) {
        model.addAttribute("activeNav", "practice");
        PracticeService.Page page = page(user, id);
        model.addAttribute("p", page);
        model.addAttribute("pillarLabel", Pillar.label(page.practice().pillar()));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "hub/practice";
    }

    private PracticeService.Page page(SoteriaUser user, String id) {
        try {
            return practice.page(user, RequestValues.id(id));
        } catch (NoSuchElementException | IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    @PostMapping("/hub/practice/{id}/comments")
    String comment(@AuthenticationPrincipal SoteriaUser user, @PathVariable String id,
            @RequestParam(required = false) String body, RedirectAttributes redirect) {
        return act(id, redirect, () -> practice.comment(user, RequestValues.id(id), body), "{networkDone.commentAdded}");
    }

    @PostMapping("/hub/practice/{id}/trying")
    String trying(@AuthenticationPrincipal SoteriaUser user, @PathVariable String id,
            @RequestParam(required = false) String trying, RedirectAttributes redirect) {
        boolean on = "yes".equals(trying);
        return act(id, redirect, () -> practice.trying(user, RequestValues.id(id), on),
                on ? "{networkDone.trying}" : "{networkDone.notTrying}");
    }

    @PostMapping("/hub/practice/{id}/withdraw")
    String withdraw(@AuthenticationPrincipal SoteriaUser user, @PathVariable String id, RedirectAttributes redirect) {
        return act(id, redirect, () -> practice.withdraw(user, RequestValues.id(id)), "{networkDone.practiceWithdrawn}");
    }

    @PostMapping("/hub/practice/{id}/files")
    String attach(@AuthenticationPrincipal SoteriaUser user, @PathVariable String id,
            @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        byte[] content = file == null ? null : file.getBytes();
        String name = file == null ? null : file.getOriginalFilename();
        return act(id, redirect, () -> practice.attach(user, RequestValues.id(id), name, content), "{networkDone.fileAdded}");
    }

    @GetMapping("/hub/practice/{id}/files/{file}")
    ResponseEntity<byte[]> file(@AuthenticationPrincipal SoteriaUser user, @PathVariable String id,
            @PathVariable String file) {
        try {
            PracticeRepository.File f = practice.file(user, RequestValues.id(id), RequestValues.id(file));
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(f.fileName())
                            .build().toString())
                    .header("X-Content-Type-Options", "nosniff").body(f.content());
        } catch (NoSuchElementException | IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    @GetMapping("/hub/practice/moderation")
    String moderation(Model model) {
        model.addAttribute("activeNav", "practice");
        model.addAttribute("awaiting", practice.awaiting());
        return "hub/practice-moderation";
    }

    @PostMapping("/hub/practice/{id}/moderation")
    String moderate(@AuthenticationPrincipal SoteriaUser user, @PathVariable String id,
            @RequestParam(required = false) String decision, @RequestParam(required = false) String note,
            @RequestParam(required = false) String comment, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        if (comment != null) {
            return act(id, redirect, () -> practice.hideComment(user, RequestValues.id(id), RequestValues.id(comment),
                    reason), "{networkDone.commentHidden}");
        }
        return act(id, redirect, () -> practice.moderate(user, RequestValues.id(id), decision, note),
                "publish".equals(decision) ? "{networkDone.practicePublished}" : "return".equals(decision)
                        ? "{networkDone.practiceReturned}" : "{networkDone.practiceWithdrawn}");
    }

    private String act(String id, RedirectAttributes redirect, Runnable action, String done) {
        try {
            action.run();
            redirect.addFlashAttribute("saved", done);
        } catch (Invalid e) {
            redirect.addFlashAttribute("errors", new LinkedHashMap<>(e.errors()));
        } catch (NoSuchElementException | IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/hub/practice/" + id;
    }
}
