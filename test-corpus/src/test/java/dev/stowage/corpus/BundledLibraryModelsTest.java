package dev.stowage.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stowage.checker.engine.AnalysisResult;
import dev.stowage.checker.engine.AnalyzerOptions;
import dev.stowage.checker.engine.CompilerMessage;
import dev.stowage.checker.engine.SourceInput;
import dev.stowage.checker.engine.StowageAnalyzer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled models of Netty, LWJGL and Arrow against the real library jars (the versions pinned in
 * the root pom): every stub entry matches a declaration of the library, so no contract is silently off.
 * An unmatched entry is a warning "[stowage] stub …" of the compilation. {@code -AstubCheck=all} matches
 * every entry up front (by default a modelled type's entries are read when the code first uses it).
 */
class BundledLibraryModelsTest {

    @Test
    void everyEntryOfTheNettyLwjglAndArrowModelsMatchesTheLibrary() {
        String source = """
                package probe;
                class UsesAllThree {
                    io.netty.buffer.ByteBuf buf;
                    io.netty.channel.ChannelHandlerContext ctx;
                    io.netty.handler.codec.ByteToMessageDecoder decoder;
                    org.lwjgl.system.MemoryStack stack;
                    org.apache.arrow.memory.BufferAllocator allocator;
                    org.apache.arrow.vector.ValueVector vector;
                }
                """;
        AnalysisResult result = new StowageAnalyzer(new AnalyzerOptions(CorpusPaths.scenarioClasspath(), List.of("-AstubCheck=all")))
                .analyze(List.of(new SourceInput("probe/UsesAllThree.java", source)), () -> false);
        List<String> stubProblems = result.compilerMessages().stream()
                .map(CompilerMessage::message)
                .filter(m -> m.contains("stub"))
                .toList();
        assertEquals(List.of(), stubProblems);
        assertEquals(List.of(), result.compilerMessages().stream()
                .filter(m -> m.severity() == CompilerMessage.Severity.ERROR).map(CompilerMessage::message).toList());
    }
}
