package org.soteria.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import java.util.function.ToIntFunction;
import org.soteria.platform.Fault;
import org.soteria.platform.Invalid;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Taking a file the hub publishes (frameworks, the training catalogue, national guidance) from a force's page: over
 * HTTPS or by upload, the outcome told on the page it returns to ({@code saved} or {@code problem}), an upload's
 * refusal naming the file. {@code taken} words what was taken from the number the call returns.
 */
public final class HubFileActions {

    private HubFileActions() {
    }

    /** Calls the hub, which refuses with {@link Invalid} and its reasons. */
    public static void fetch(IntSupplier fetch, IntFunction<String> taken, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("saved", taken.apply(fetch.getAsInt()));
        } catch (Invalid e) {
            redirect.addFlashAttribute("problem", List.copyOf(e.errors().values()));
        }
    }

    /** Takes an uploaded file; {@code choose} is the message key asking for one when none was chosen. */
    public static void upload(MultipartFile file, ToIntFunction<String> upload, IntFunction<String> taken,
            String choose, RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("problem", "{" + choose + "}");
            return;
        }
        try {
            int version = upload.applyAsInt(new String(file.getBytes(), StandardCharsets.UTF_8));
            redirect.addFlashAttribute("saved", taken.apply(version));
        } catch (Invalid e) {
            List<String> faults = new ArrayList<>();
            faults.add(Fault.of("networkError.inFile", file.getOriginalFilename()));
            faults.addAll(e.errors().values());
            redirect.addFlashAttribute("problem", faults);
        }
    }

    /**
     * Accepts the version the page showed ({@code asked}), if it is still the version taken ({@code offered}, null
     * when none); {@code accept} returns how many things changed, which {@code accepted} words.
     */
    public static void accept(Integer offered, String asked, IntSupplier accept, IntFunction<String> accepted,
            String notTheVersionTaken, RedirectAttributes redirect) {
        if (offered == null || !String.valueOf(offered).equals(asked)) {
            redirect.addFlashAttribute("problem", "{" + notTheVersionTaken + "}");
            return;
        }
        try {
            redirect.addFlashAttribute("saved", accepted.apply(accept.getAsInt()));
        } catch (Invalid e) {
            redirect.addFlashAttribute("problem", List.copyOf(e.errors().values()));
        }
    }
}
