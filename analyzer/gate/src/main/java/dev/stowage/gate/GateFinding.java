package dev.stowage.gate;

import dev.stowage.checker.api.Finding;

/**
 * A finding of the engine as the gate reports it: with the level the severity settings give its
 * key, the file it is in, its baseline fingerprint and whether the baseline already knew it.
 *
 * @param finding exactly what the engine reported
 * @param source the file it is in
 * @param level its key's level (never {@link Level#OFF}: those are dropped before)
 * @param member the enclosing class and method, {@link Finding#member()}
 * @param fingerprint see {@link Fingerprints}
 * @param baselineState {@code NONE} when no baseline is used
 */
public record GateFinding(
        Finding finding, SourceFile source, Level level, String member, String fingerprint, BaselineState baselineState) {

    /** Where a finding stands against the baseline given with {@code --baseline}. */
    public enum BaselineState {
        /** No baseline was given. */
        NONE,
        /** Not in the baseline: reported. */
        NEW,
        /** In the baseline: not reported. */
        BASELINED
    }

    public GateFinding withBaselineState(BaselineState state) {
        return new GateFinding(finding, source, level, member, fingerprint, state);
    }

    /** True when this finding is printed and counted toward the exit code. */
    public boolean reported() {
        return baselineState != BaselineState.BASELINED;
    }

    public String displayPath() {
        return source.displayPath();
    }

    @Override
    public String toString() {
        return displayPath() + ":" + finding.range().startLine() + ":" + finding.range().startColumn() + " "
                + level.id() + " [" + finding.key() + "] " + baselineState + " " + fingerprint;
    }
}
