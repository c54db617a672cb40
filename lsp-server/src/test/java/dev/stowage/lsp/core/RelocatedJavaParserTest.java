package dev.stowage.lsp.core;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * The Checker Framework jar bundles its own JavaParser (3.54.0: unrelocated, older; 4.x: relocated
 * under {@code org.checkerframework}); ours is relocated too. Both must work in one JVM: the
 * checker's (by reflection, as the checker itself would load it) and ours at JAVA_25.
 */
class RelocatedJavaParserTest {

    @Test
    void theCheckersJavaParserAndOursLiveInOneJvm() throws Exception {
        Class<?> theirs;
        try {
            theirs = Class.forName("org.checkerframework.com.github.javaparser.StaticJavaParser");
        } catch (ClassNotFoundException olderCheckerFramework) {
            theirs = Class.forName("com.github.javaparser.StaticJavaParser");
        }
        assertTrue(theirs.getProtectionDomain().getCodeSource().getLocation().toString().contains("checker"),
                "the checker's JavaParser comes from the Checker Framework jar: " + theirs.getProtectionDomain().getCodeSource().getLocation());
        Object unit = theirs.getMethod("parse", String.class).invoke(null, "class A { void f() {} }");
        assertTrue(unit.toString().contains("class A"));

        var ours = new dev.stowage.lsp.shaded.javaparser.JavaParser(new dev.stowage.lsp.shaded.javaparser.ParserConfiguration()
                .setLanguageLevel(dev.stowage.lsp.shaded.javaparser.ParserConfiguration.LanguageLevel.JAVA_25));
        // Java 25: a compact source file with an instance main method, and a module import.
        var result = ours.parse("import module java.base;\nvoid main() { IO.println(\"hi\"); }\n");
        assertTrue(result.isSuccessful(), result.getProblems().toString());
    }
}
