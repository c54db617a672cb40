package dev.stowage.project;

/**
 * What of a checked or opened project may run. Nothing from the project runs without consent:
 *
 * <ul>
 *   <li>{@link #restricted()}: no build tool at all; sources are analysed against the bundled Stowage
 *       runtime and qualifiers (and compiled classes already in {@code target/}). The language
 *       server's default until the client says the workspace is trusted.
 *   <li>{@link #sanitized()}: the system {@code mvn} (or {@code $STOWAGE_MVN}) computes the classpath
 *       on a copy of the build's poms with build extensions, plugins, repositories and the project's
 *       {@code .mvn/} configuration removed. The gate's default ({@code stowage check DIR} is run by
 *       the user on a repository they chose) and the server's in a trusted workspace.
 *   <li>{@link #trusted(boolean)}: Maven runs in the project itself, with its {@code .mvn/jvm.config},
 *       {@code .mvn/maven.config}, {@code .mvn/extensions.xml} and build extensions; its
 *       {@code mvnw} only when {@code useWrapper}. The gate's {@code --trust-project} /
 *       {@code --use-wrapper}.
 * </ul>
 *
 * <pre>{@code
 * TrustPolicy policy = trustFlag ? TrustPolicy.trusted(useWrapper) : TrustPolicy.sanitized();
 * }</pre>
 */
public record TrustPolicy(boolean runBuildTool, boolean trustProjectConfig, boolean useWrapper) {

    public TrustPolicy {
        if (useWrapper && !trustProjectConfig) {
            throw new IllegalArgumentException("running the project's mvnw trusts the project: useWrapper needs trustProjectConfig");
        }
        if (trustProjectConfig && !runBuildTool) {
            throw new IllegalArgumentException("trustProjectConfig needs runBuildTool");
        }
    }

    public static TrustPolicy restricted() {
        return new TrustPolicy(false, false, false);
    }

    public static TrustPolicy sanitized() {
        return new TrustPolicy(true, false, false);
    }

    public static TrustPolicy trusted(boolean useWrapper) {
        return new TrustPolicy(true, true, useWrapper);
    }

    /** A few words for logs and docs. */
    public String describe() {
        if (!runBuildTool) return "restricted (no build tool runs)";
        if (!trustProjectConfig) return "sanitized (system Maven on a copy of the poms, without the project's .mvn, extensions or plugins)";
        return useWrapper ? "trusted (the project's mvnw, with its .mvn and extensions)" : "trusted (system Maven in the project, with its .mvn and extensions)";
    }
}
