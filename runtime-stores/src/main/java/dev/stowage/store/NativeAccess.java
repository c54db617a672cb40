package dev.stowage.store;

import java.lang.StackWalker.Option;
import java.net.URL;
import java.security.CodeSource;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JDK's native-access rule (JEP 472), applied to the restricted stores of this package: a
 * restricted store may be created only by code whose module has native access, exactly as a
 * restricted method of {@code java.lang.foreign} may be called only from such code. Without the
 * check, a module granted native access (this library's) would launder it for every caller.
 *
 * <p>The check mirrors {@code Module.ensureNativeAccess} of the JDK: the caller is the class that
 * called the restricted constructor (reflection frames are skipped, and a lambda or method reference
 * counts as the class that wrote it); if its module has native access ({@link
 * Module#isNativeAccessEnabled()}) nothing happens. Otherwise, under {@code
 * --illegal-native-access=deny} it throws {@link IllegalCallerException} with the JDK's message;
 * under {@code warn} (the JDK 25 default) it prints the JDK's warning once per module (once for all
 * unnamed modules, as the JDK does) and goes on; under {@code allow} it goes on silently.
 *
 * <p>The JDK removes the {@code --illegal-native-access} setting from the system properties at
 * start-up, so the mode is read from the JVM's input arguments ({@code java.management}); without
 * that module the mode is the JDK's default, {@code warn}.
 */
final class NativeAccess {

    /** What {@code --illegal-native-access} says. */
    enum Mode { ALLOW, WARN, DENY }

    private static final StackWalker WALKER = StackWalker.getInstance(
            Set.of(Option.RETAIN_CLASS_REFERENCE, Option.SHOW_HIDDEN_FRAMES));
    private static final Module JAVA_BASE = Object.class.getModule();
    /** Modules already warned about; {@code ALL_UNNAMED} stands for every unnamed module. */
    private static final Set<Object> WARNED = ConcurrentHashMap.newKeySet();
    private static final Object ALL_UNNAMED = new Object();
    private static volatile Mode mode;

    private NativeAccess() {}

    /**
     * Throws or warns, as the JDK would, unless the module of the code that called
     * {@code owner}'s {@code methodName} has native access.
     *
     * @throws IllegalCallerException under {@code --illegal-native-access=deny} when the caller's
     *     module has no native access
     */
    static void ensureNativeAccess(Class<?> owner, String methodName) {
        Class<?> caller = callerOf(owner);
        Module module = caller != null ? caller.getModule()
                : ClassLoader.getSystemClassLoader().getUnnamedModule();
        if (module.isNativeAccessEnabled()) {
            return;
        }
        check(caller, module, mode(), owner, methodName, System.err);
    }

    /**
     * The rule for a caller whose module has no native access: nothing under {@code allow}, the
     * JDK's exception under {@code deny}, the JDK's warning (once per module) under {@code warn}.
     */
    static void check(Class<?> caller, Module module, Mode mode, Class<?> owner, String methodName,
            java.io.PrintStream err) {
        if (mode == Mode.ALLOW) {
            return;
        }
        String where = module.isNamed() ? "module " + module.getName() : "an unnamed module";
        if (caller != null) {
            CodeSource source = caller.getProtectionDomain().getCodeSource();
            URL location = source == null ? null : source.getLocation();
            if (location != null) {
                where += " (" + location + ")";
            }
        }
        if (mode == Mode.DENY) {
            throw new IllegalCallerException("Illegal native access from " + where);
        }
        if (WARNED.add(module.isNamed() ? module : ALL_UNNAMED)) {
            String flag = module.isNamed() ? module.getName() : "ALL-UNNAMED";
            err.printf("""
                    WARNING: A restricted method in %s has been called
                    WARNING: %s::%s has been called by %s in %s
                    WARNING: Use --enable-native-access=%s to avoid a warning for callers in this module
                    WARNING: Restricted methods will be blocked in a future release unless native access is enabled
                    %n""", owner.getName(), owner.getName(), methodName,
                    caller != null ? caller.getName() : "code", where, flag);
        }
    }

    /**
     * The class whose code called into {@code owner}: the first frame outside {@code owner}, skipping
     * the method-handle machinery of {@code java.base} (hidden classes there) but not the hidden
     * class of a lambda, which belongs to the module of the code that wrote it.
     */
    static Class<?> callerOf(Class<?> owner) {
        return WALKER.walk(frames -> frames
                .map(StackWalker.StackFrame::getDeclaringClass)
                .filter(c -> c != owner && c != NativeAccess.class)
                .filter(c -> !(c.isHidden() && c.getModule() == JAVA_BASE))
                .findFirst()
                .orElse(null));
    }

    static Mode mode() {
        Mode m = mode;
        if (m == null) {
            m = readMode();
            mode = m;
        }
        return m;
    }

    private static Mode readMode() {
        if (ModuleLayer.boot().findModule("java.management").isEmpty()) {
            return Mode.WARN;
        }
        return modeFrom(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    /** The last {@code --illegal-native-access} setting among JVM arguments; {@code warn} if none. */
    static Mode modeFrom(List<String> jvmArguments) {
        Mode result = Mode.WARN;
        for (String argument : jvmArguments) {
            String value = null;
            if (argument.startsWith("--illegal-native-access=")) {
                value = argument.substring("--illegal-native-access=".length());
            } else if (argument.startsWith("-Djdk.module.illegal.native.access=")) {
                value = argument.substring("-Djdk.module.illegal.native.access=".length());
            }
            if (value != null) {
                switch (value.toLowerCase(Locale.ROOT)) {
                    case "allow" -> result = Mode.ALLOW;
                    case "warn" -> result = Mode.WARN;
                    case "deny" -> result = Mode.DENY;
                    default -> { } // the JVM refuses to start with any other value
                }
            }
        }
        return result;
    }
}
