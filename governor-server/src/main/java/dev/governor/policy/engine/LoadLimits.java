package dev.governor.policy.engine;

import org.apache.poi.openxml4j.util.ZipSecureFile;

import java.time.Duration;

/**
 * The limits a policy works within: size limits applied while reading its files, so that a policy
 * file cannot exhaust memory, and the limits of one evaluation, so that it cannot run forever.
 *
 * @param maxFileBytes       largest accepted policy file on disk (each {@code .drl}, {@code .dmn}, {@code .xlsx})
 * @param evaluationTimeout  longest one evaluation may take; past it the answer is DENY / POLICY_ERROR
 * @param maxRuleFirings     most rule firings in one evaluation; past it the answer is DENY / POLICY_ERROR
 */
public record LoadLimits(long maxFileBytes, Duration evaluationTimeout, int maxRuleFirings) {

    public static final LoadLimits DEFAULT = new LoadLimits(5L * 1024 * 1024, Duration.ofMillis(250), 10_000);

    /**
     * For running a policy offline (the {@code policy test} command, tests): the defaults, with a
     * deadline a slow or loaded machine meets; a loop still ends in DENY / POLICY_ERROR.
     */
    public static final LoadLimits OFFLINE = new LoadLimits(DEFAULT.maxFileBytes(), Duration.ofSeconds(5), DEFAULT.maxRuleFirings());

    /** A spreadsheet whose entries inflate more than 100x (POI's ratio 0.01) is treated as a zip bomb. */
    static final double MIN_INFLATE_RATIO = 0.01;
    /** No single entry inside a spreadsheet may inflate beyond this (POI's default is 4 GiB). */
    static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;
    static final long MAX_TEXT_CHARS = 10L * 1024 * 1024;

    public LoadLimits {
        if (maxFileBytes <= 0) throw new IllegalArgumentException("maxFileBytes must be positive");
        if (evaluationTimeout == null || evaluationTimeout.isNegative() || evaluationTimeout.isZero()) {
            throw new IllegalArgumentException("evaluationTimeout must be positive");
        }
        if (maxRuleFirings <= 0) throw new IllegalArgumentException("maxRuleFirings must be positive");
    }

    /** The default evaluation limits, with another file size limit. */
    public LoadLimits(long maxFileBytes) {
        this(maxFileBytes, DEFAULT.evaluationTimeout(), DEFAULT.maxRuleFirings());
    }

    /** POI's limits are JVM-wide; set them before any spreadsheet is opened. */
    static void applyZipLimits() {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMaxTextSize(MAX_TEXT_CHARS);
    }
}
