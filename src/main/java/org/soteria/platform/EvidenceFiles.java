package org.soteria.platform;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * What may be uploaded as evidence (self-assessment evidence, attachments to shared practice): documents, spreadsheets, presentations, images and text, up to 5 MB,
 * each checked by its content and not only its name (a PDF must start as one; an Office file must be a ZIP
 * container; text must be UTF-8 without NUL bytes). The stored type comes from this list, never from the browser.
 */
public final class EvidenceFiles {

    public static final int MAX_BYTES = 5 * 1024 * 1024;

    public static final Map<String, String> TYPES = Map.of(
            "pdf", "application/pdf",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "png", "image/png",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "txt", "text/plain",
            "csv", "text/csv");

    private EvidenceFiles() {
    }

    /** A file's name with no folders or control characters, at most 120 characters. */
    public static String safeName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        return name.length() > 120 ? name.substring(name.length() - 120) : name;
    }

    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Why the file cannot be kept, or null when it can. */
    public static String problem(String name, byte[] content) {
        if (name.isEmpty() || content == null || content.length == 0) {
            return "{evidenceFile.choose}";
        }
        if (content.length > MAX_BYTES) {
            return "{evidenceFile.tooBig}";
        }
        String ext = extension(name);
        if (!TYPES.containsKey(ext)) {
            return "{evidenceFile.type}";
        }
        boolean fits = switch (ext) {
            case "pdf" -> starts(content, "%PDF".getBytes(StandardCharsets.US_ASCII));
            case "docx", "xlsx", "pptx" -> starts(content, new byte[] {'P', 'K', 3, 4});
            case "png" -> starts(content, new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            case "jpg", "jpeg" -> starts(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
            default -> text(content);
        };
        return fits ? null : Fault.of("evidenceFile.notThatType", ext);
    }

    private static boolean starts(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean text(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
