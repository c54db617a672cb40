package dev.stowage.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.probe.NativeAccessProbe;
import dev.stowage.qual.Invalidates;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link GlobalStore} is restricted the way the JDK's restricted methods are: creating one needs
 * native access for the caller's module. Each test starts a JVM in which the runtime is a named
 * module ({@code dev.stowage.runtime}, an automatic module made from the compiled classes) granted
 * native access, and user code ({@link NativeAccessProbe}) sits in an unnamed module that is not —
 * the setting in which a library could launder the JDK's rule.
 */
class RestrictedStoreTest {

    private static final String MODULE = "dev.stowage.runtime";
    private static Path runtimeJar;

    @BeforeAll
    static void packTheRuntimeAsANamedModule() throws IOException {
        Path classes = Path.of(GlobalStore.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        runtimeJar = Files.createTempDirectory(Path.of("target"), "runtime-module-").resolve("runtime.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Automatic-Module-Name"), MODULE);
        try (OutputStream file = Files.newOutputStream(runtimeJar);
                JarOutputStream jar = new JarOutputStream(file, manifest)) {
            Files.walkFileTree(classes, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path path, BasicFileAttributes attributes) throws IOException {
                    jar.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                    Files.copy(path, jar);
                    jar.closeEntry();
                    return FileVisitResult.CONTINUE;
                }
            });
        }
    }

    private static String probe(String... options) throws Exception {
        String userClasses = Path.of(NativeAccessProbe.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
        String qual = Path.of(Invalidates.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
        List<String> jvm = new java.util.ArrayList<>(List.of("--module-path", runtimeJar.toString(),
                "--add-modules", MODULE));
        jvm.addAll(List.of(options));
        ChildJvm.Result result = ChildJvm.run(jvm, userClasses + java.io.File.pathSeparator + qual,
                NativeAccessProbe.class.getName(), List.of(), 120);
        assertFalse(result.crashed(), result::describe);
        assertEquals(0, result.exitCode(), result::describe);
        return result.output();
    }

    @Test
    void underDenyUserCodeWithoutNativeAccessCannotCreateAGlobalStoreNorLaunderTheRule() throws Exception {
        String out = probe("--enable-native-access=" + MODULE, "--illegal-native-access=deny");
        assertTrue(out.contains("PROBE new GlobalStore() -> IllegalCallerException: Illegal native access from an unnamed module ("), out);
        assertTrue(out.contains("PROBE GlobalStore::new -> IllegalCallerException: Illegal native access from an unnamed module"), out);
        assertTrue(out.contains("PROBE ArenaStore.resolve(address) -> StaleHandleException"), out);
        assertTrue(out.contains("PROBE reinterpret -> IllegalCallerException: Illegal native access from an unnamed module"),
                "the JDK's own check, for comparison: " + out);
    }

    @Test
    void underWarnTheJdksWarningIsPrintedOnceAndTheStoreIsCreated() throws Exception {
        String out = probe("--enable-native-access=" + MODULE, "--illegal-native-access=warn");
        assertTrue(out.contains("PROBE new GlobalStore() -> created"), out);
        assertTrue(out.contains("PROBE GlobalStore::new -> created"), out);
        assertTrue(out.contains("WARNING: A restricted method in dev.stowage.store.GlobalStore has been called"), out);
        assertTrue(out.contains("WARNING: dev.stowage.store.GlobalStore::<init> has been called by "
                + NativeAccessProbe.class.getName() + " in an unnamed module"), out);
        assertTrue(out.contains("WARNING: Use --enable-native-access=ALL-UNNAMED to avoid a warning for callers in this module"), out);
        assertEquals(1, out.split("A restricted method in dev.stowage.store.GlobalStore", -1).length - 1,
                "one warning per module: " + out);
        assertTrue(out.contains("PROBE ArenaStore.resolve(address) -> StaleHandleException"), out);
    }

    @Test
    void underAllowOrWithNativeAccessGrantedTheStoreIsCreatedSilently() throws Exception {
        for (String[] options : List.of(
                new String[] {"--enable-native-access=" + MODULE, "--illegal-native-access=allow"},
                new String[] {"--enable-native-access=" + MODULE + ",ALL-UNNAMED", "--illegal-native-access=deny"})) {
            String out = probe(options);
            assertTrue(out.contains("PROBE new GlobalStore() -> created"), out);
            assertFalse(out.contains("WARNING: A restricted method in dev.stowage.store.GlobalStore"), out);
            assertTrue(out.contains("PROBE ArenaStore.resolve(address) -> StaleHandleException"), out);
        }
    }
}
