package dev.stowage.gate;

import java.time.Duration;
import java.util.List;

/**
 * Everything one run of {@code stowage check} found, before it is written in a format.
 *
 * @param findings every finding at a level other than off, in source order, each marked against
 *     the baseline
 * @param filesChecked how many source files were analysed
 * @param baselineUsed whether {@code --baseline} was given
 * @param fixedSinceBaseline baseline entries that no finding matched any more (0 without baseline)
 * @param elapsed wall time of the analysis
 */
public record GateReport(
        List<GateFinding> findings, int filesChecked, boolean baselineUsed, int fixedSinceBaseline, Duration elapsed) {

    public GateReport {
        findings = List.copyOf(findings);
    }

    /** The findings that are printed: all of them, or only the new ones under a baseline. */
    public List<GateFinding> reported() {
        return findings.stream().filter(GateFinding::reported).toList();
    }

    public long reportedAt(Level level) {
        return reported().stream().filter(f -> f.level() == level).count();
    }

    /** True when a reported finding is at least as severe as {@code failLevel}. */
    public boolean fails(Level failLevel) {
        return reported().stream().anyMatch(f -> f.level().atLeast(failLevel));
    }

    /**
     * The closing line, e.g. {@code 3 findings in 12 files checked: 2 errors, 1 warning (1.4 s)} or,
     * with a baseline, {@code 5 findings (1 new, 4 baselined, 0 fixed since baseline) in 12 files
     * checked: 1 error (1.4 s)}; the level counts are of reported findings.
     */
    public String summaryLine() {
        StringBuilder line = new StringBuilder();
        line.append(plural(findings.size(), "finding"));
        if (baselineUsed) {
            line.append(" (").append(reported().size()).append(" new, ")
                    .append(findings.size() - reported().size()).append(" baselined, ")
                    .append(fixedSinceBaseline).append(" fixed since baseline)");
        }
        line.append(" in ").append(plural(filesChecked, "file")).append(" checked");
        if (!reported().isEmpty()) {
            line.append(": ").append(plural(reportedAt(Level.ERROR), "error")).append(", ")
                    .append(plural(reportedAt(Level.WARNING), "warning")).append(", ")
                    .append(plural(reportedAt(Level.NOTE), "note"));
        }
        line.append(String.format(java.util.Locale.ROOT, " (%.1f s)", elapsed.toMillis() / 1000.0));
        return line.toString();
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
