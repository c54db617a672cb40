package dev.stowage.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rule {@link NativeAccess} applies to a caller whose module has no native access, in this JVM
 * (RestrictedStoreTest checks it end to end in JVMs launched with each setting).
 */
class NativeAccessTest {

    /** A module of its own for each test: the once-per-module warning must not leak between tests. */
    private static Module freshNamedModule(String name) {
        java.lang.module.ModuleDescriptor descriptor = java.lang.module.ModuleDescriptor.newModule(name).build();
        java.lang.module.ModuleFinder finder = new java.lang.module.ModuleFinder() {
            @Override
            public java.util.Optional<java.lang.module.ModuleReference> find(String n) {
                return n.equals(name) ? java.util.Optional.of(reference()) : java.util.Optional.empty();
            }

            @Override
            public java.util.Set<java.lang.module.ModuleReference> findAll() {
                return java.util.Set.of(reference());
            }

            private java.lang.module.ModuleReference reference() {
                return new java.lang.module.ModuleReference(descriptor, null) {
                    @Override
                    public java.lang.module.ModuleReader open() {
                        throw new UnsupportedOperationException();
                    }
                };
            }
        };
        java.lang.module.Configuration configuration = ModuleLayer.boot().configuration()
                .resolve(finder, java.lang.module.ModuleFinder.of(), java.util.Set.of(name));
        return ModuleLayer.boot().defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader())
                .findModule(name).orElseThrow();
    }

    private static String run(Module module, NativeAccess.Mode mode) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        NativeAccess.check(NativeAccessTest.class, module, mode, GlobalStore.class, "<init>",
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void denyThrowsTheJdksExceptionNamingTheModuleAndWhereTheCallerCameFrom() {
        Module module = freshNamedModule("probe.deny");
        IllegalCallerException e = assertThrows(IllegalCallerException.class,
                () -> run(module, NativeAccess.Mode.DENY));
        assertTrue(e.getMessage().startsWith("Illegal native access from module probe.deny ("), e.getMessage());
        IllegalCallerException unnamed = assertThrows(IllegalCallerException.class,
                () -> run(NativeAccessTest.class.getModule(), NativeAccess.Mode.DENY));
        assertTrue(unnamed.getMessage().startsWith("Illegal native access from an unnamed module ("),
                unnamed.getMessage());
    }

    @Test
    void warnPrintsTheJdksWarningOncePerModule() {
        Module module = freshNamedModule("probe.warn");
        String first = run(module, NativeAccess.Mode.WARN);
        assertEquals("""
                WARNING: A restricted method in dev.stowage.store.GlobalStore has been called
                WARNING: dev.stowage.store.GlobalStore::<init> has been called by dev.stowage.store.NativeAccessTest in module probe.warn (%s)
                WARNING: Use --enable-native-access=probe.warn to avoid a warning for callers in this module
                WARNING: Restricted methods will be blocked in a future release unless native access is enabled

                """.formatted(NativeAccessTest.class.getProtectionDomain().getCodeSource().getLocation()), first);
        assertEquals("", run(module, NativeAccess.Mode.WARN), "once per module");
        String other = run(freshNamedModule("probe.warn2"), NativeAccess.Mode.WARN);
        assertTrue(other.contains("--enable-native-access=probe.warn2"), other);
    }

    @Test
    void allowIsSilent() {
        assertEquals("", run(freshNamedModule("probe.allow"), NativeAccess.Mode.ALLOW));
    }

    @Test
    void aMissingCallerIsCode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        NativeAccess.check(null, freshNamedModule("probe.nocaller"), NativeAccess.Mode.WARN, GlobalStore.class,
                "<init>", new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("has been called by code in module probe.nocaller\n"),
                bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theModeIsTheLastIllegalNativeAccessSetting() {
        assertEquals(NativeAccess.Mode.WARN, NativeAccess.modeFrom(List.of()));
        assertEquals(NativeAccess.Mode.WARN, NativeAccess.modeFrom(List.of("-Xmx1g", "--illegal-native-access=bogus")));
        assertEquals(NativeAccess.Mode.DENY, NativeAccess.modeFrom(List.of("--illegal-native-access=deny")));
        assertEquals(NativeAccess.Mode.DENY, NativeAccess.modeFrom(List.of("--illegal-native-access=DENY")));
        assertEquals(NativeAccess.Mode.ALLOW, NativeAccess.modeFrom(List.of("--illegal-native-access=deny",
                "-Djdk.module.illegal.native.access=allow")));
        assertEquals(NativeAccess.Mode.WARN, NativeAccess.modeFrom(List.of("--illegal-native-access=allow",
                "--illegal-native-access=warn")));
        assertEquals(NativeAccess.mode(), NativeAccess.mode(), "read once");
    }

    /** Stands for a restricted class: what {@link NativeAccess#callerOf} finds when it is called. */
    static final class Restricted {
        static Class<?> caller() {
            return NativeAccess.callerOf(Restricted.class);
        }
    }

    @Test
    void theCallerIsTheClassWhoseCodeCalledEvenThroughAMethodReference() {
        assertEquals(NativeAccessTest.class, Restricted.caller());
        java.util.function.Supplier<Class<?>> reference = Restricted::caller;
        Class<?> viaReference = reference.get();
        assertEquals(NativeAccessTest.class.getModule(), viaReference.getModule());
        assertTrue(viaReference.getName().startsWith(NativeAccessTest.class.getName()),
                "the lambda's hidden class belongs to the code that wrote it: " + viaReference);
    }

    @Test
    void callersWithNativeAccessPassAndGlobalStoreIsCreated() {
        // this test JVM runs with --enable-native-access=ALL-UNNAMED
        assertTrue(NativeAccessTest.class.getModule().isNativeAccessEnabled());
        NativeAccess.ensureNativeAccess(GlobalStore.class, "<init>");
        new GlobalStore().close();
    }
}
