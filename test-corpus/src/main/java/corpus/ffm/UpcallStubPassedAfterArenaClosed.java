package corpus.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

// not-runnable: handing the freed stub to native code would crash it, which no test can observe as an exception
/** An upcall stub is freed when its arena closes: native code given it afterwards calls freed code. */
public final class UpcallStubPassedAfterArenaClosed {
    static void tick() {}

    static void install(MemorySegment callback) {}

    static void run() throws ReflectiveOperationException {
        MethodHandle target = MethodHandles.lookup().findStatic(UpcallStubPassedAfterArenaClosed.class, "tick", MethodType.methodType(void.class));
        Arena arena = Arena.ofConfined();
        MemorySegment stub = Linker.nativeLinker().upcallStub(target, FunctionDescriptor.ofVoid(), arena);
        arena.close();
        // :: error: [pointer.stale]
        install(stub);
    }
}
