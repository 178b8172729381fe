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
