package dev.governor.policy.engine;

import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Size limits applied while reading policy files, so that a policy file cannot exhaust memory.
 *
 * @param maxFileBytes largest accepted policy file on disk (each {@code .drl}, {@code .dmn}, {@code .xlsx})
 */
public record LoadLimits(long maxFileBytes) {

    public static final LoadLimits DEFAULT = new LoadLimits(5L * 1024 * 1024);

    /** A spreadsheet whose entries inflate more than 100x (POI's ratio 0.01) is treated as a zip bomb. */
    static final double MIN_INFLATE_RATIO = 0.01;
    /** No single entry inside a spreadsheet may inflate beyond this (POI's default is 4 GiB). */
    static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;
    static final long MAX_TEXT_CHARS = 10L * 1024 * 1024;

    public LoadLimits {
        if (maxFileBytes <= 0) throw new IllegalArgumentException("maxFileBytes must be positive");
    }

    /** POI's limits are JVM-wide; set them before any spreadsheet is opened. */
    static void applyZipLimits() {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMaxTextSize(MAX_TEXT_CHARS);
    }
}
