package dev.governor.policy.engine;

import dev.governor.policy.PolicyLoadException;
import dev.governor.policy.PolicyLoadException.Problem;
import dev.governor.policy.PolicySnapshot.PolicyFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The policy sources read once from disk: every {@code .drl} in the rules directory and every
 * {@code .dmn}/{@code .xlsx} in the tables directory, with their hashes and the version.
 */
record PolicyFiles(List<Source> sources, String version) {

    /** ASSETS: decision-tables/assets.xlsx, a register of targets (data, not rules). */
    enum Kind { DRL, DMN, XLSX, ASSETS }

    static final String ASSETS_FILE = "assets.xlsx";

    /** {@code path} is relative to the policy root, named after the directory: {@code rules/x.drl}. */
    record Source(String path, Kind kind, byte[] bytes, String sha256) {
        PolicyFile describe() {
            return new PolicyFile(path, kind.name(), sha256);
        }

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    static PolicyFiles read(Path rulesDir, Path tablesDir, LoadLimits limits) {
        List<Problem> problems = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        scan(rulesDir, List.of(Kind.DRL), limits, sources, problems);
        scan(tablesDir, List.of(Kind.DMN, Kind.XLSX, Kind.ASSETS), limits, sources, problems);
        if (!problems.isEmpty()) throw new PolicyLoadException(problems);
        sources.sort(Comparator.comparing(Source::path));
        return new PolicyFiles(List.copyOf(sources), version(sources));
    }

    List<Source> of(Kind kind) {
        return sources.stream().filter(s -> s.kind() == kind).toList();
    }

    private static void scan(Path dir, List<Kind> kinds, LoadLimits limits, List<Source> out, List<Problem> problems) {
        String prefix = dir.toAbsolutePath().normalize().getFileName().toString();
        if (!Files.isDirectory(dir)) {
            problems.add(new Problem(prefix, null, "policy directory " + dir.toAbsolutePath() + " does not exist"));
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                Kind kind = kindOf(name);
                // Lock files of LibreOffice/Excel (".~lock.x.xlsx#", "~$x.xlsx") are not policy.
                if (kind == null || !kinds.contains(kind) || name.startsWith("~$") || name.startsWith(".")) continue;
                long size = Files.size(file);
                if (size > limits.maxFileBytes()) {
                    problems.add(new Problem(prefix + "/" + name, null, "file is " + size + " bytes; policy files may be at most "
                            + limits.maxFileBytes() + " bytes (governor.policy.max-file-bytes)"));
                    continue;
                }
                byte[] bytes = Files.readAllBytes(file);
                out.add(new Source(prefix + "/" + name, kind, bytes, hex(sha256().digest(bytes))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy directory " + dir.toAbsolutePath(), e);
        }
    }

    private static Kind kindOf(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".drl")) return Kind.DRL;
        if (lower.endsWith(".dmn")) return Kind.DMN;
        if (lower.equals(ASSETS_FILE)) return Kind.ASSETS;
        if (lower.endsWith(".xlsx")) return Kind.XLSX;
        return null;
    }

    /** Path and content both count: renaming a file is a policy change too. */
    private static String version(List<Source> sorted) {
        MessageDigest digest = sha256();
        for (Source s : sorted) {
            digest.update(s.path().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(s.bytes());
            digest.update((byte) 0);
        }
        return "sha256:" + hex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
