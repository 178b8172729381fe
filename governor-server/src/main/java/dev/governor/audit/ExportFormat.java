package dev.governor.audit;

import dev.governor.api.ApiException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** How an export is written: chosen by {@code ?format=}, else by the Accept header, else NDJSON. */
public enum ExportFormat {
    NDJSON("application/x-ndjson", "ndjson"),
    CSV("text/csv; charset=utf-8", "csv");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** UTF-8's byte order mark: Excel reads a CSV file as UTF-8 only when it starts with it. */
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /**
     * {@code body} as a download, preceded by a UTF-8 byte order mark when {@code bom} is
     * {@code true} (CSV only), so spreadsheet programs read accented names right. Off by default:
     * scripts and most other readers would take the mark for part of the first column's name.
     */
    public Response attachment(StreamingOutput body, String name, String bom) {
        if (!withBom(bom)) return attachment(body, name);
        if (this != CSV) throw ApiException.invalid("bom", "applies to CSV only (format=csv)");
        return attachment(out -> {
            out.write(BOM);
            body.write(out);
        }, name);
    }

    private static boolean withBom(String bom) {
        if (bom == null || bom.isEmpty() || bom.equalsIgnoreCase("false")) return false;
        if (bom.equalsIgnoreCase("true")) return true;
        throw ApiException.invalid("bom", "must be true or false");
    }

    /** {@code body} as a download named {@code name} with this format's extension. */
    public Response attachment(StreamingOutput body, String name) {
        return Response.ok(body, mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + name + "." + extension + "\"")
                .build();
    }

    public static ExportFormat of(String format, String accept) {
        if (format != null && !format.isEmpty()) {
            return switch (format.toLowerCase(java.util.Locale.ROOT)) {
                case "ndjson" -> NDJSON;
                case "csv" -> CSV;
                default -> throw ApiException.invalid("format", "must be ndjson or csv");
            };
        }
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/csv") ? CSV : NDJSON;
    }
}
