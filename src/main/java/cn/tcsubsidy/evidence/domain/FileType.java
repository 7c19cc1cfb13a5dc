package cn.tcsubsidy.evidence.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of scan the app keeps, recognised by their first bytes (magic numbers), never by the name or the
 * content type the uploader declares: PDF ({@code %PDF-}), PNG (its 8-byte signature), JPEG ({@code FF D8 FF}).
 */
public enum FileType {
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

    private final String contentType;
    private final byte[] magic;

    FileType(String contentType, byte[] magic) {
        this.contentType = contentType;
        this.magic = magic;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<FileType> of(byte[] content) {
        return Arrays.stream(values()).filter(t -> t.matches(content)).findFirst();
    }

    private boolean matches(byte[] content) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    /** Whether a declared content type agrees with this type (a generic or missing one says nothing). */
    public boolean agreesWith(String declared) {
        if (declared == null || declared.isBlank()) {
            return true;
        }
        String base = declared.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        return base.equals("application/octet-stream") || base.equals(contentType)
                || this == JPEG && base.equals("image/jpg") || this == JPEG && base.equals("image/pjpeg");
    }
}
