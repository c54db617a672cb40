package corpus.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

// run-with: none
/** Safe twin of {@link UpcallStubPassedAfterArenaClosed}: the stub is handed over while its arena is open. */
public final class UpcallStubInstalledWhileArenaOpen {
    static void tick() {}

    static void install(MemorySegment callback) {}

    public static void run() throws ReflectiveOperationException {
        MethodHandle target = MethodHandles.lookup().findStatic(UpcallStubInstalledWhileArenaOpen.class, "tick", MethodType.methodType(void.class));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment stub = Linker.nativeLinker().upcallStub(target, FunctionDescriptor.ofVoid(), arena);
            install(stub);
        }
    }
}
