/**
 * JMH benchmarks of the Stowage runtime against what a Java user would otherwise pick: Netty's
 * pooled allocator, FFM arenas, a slicing allocator, raw {@code MemorySegment} access, fastutil and
 * the JDK collections. Run them with {@code scripts/bench-runtime.sh}, which writes
 * {@code docs/benchmarks.md}.
 *
 * <p>Every benchmark does the same work on both sides of a comparison, returns or sinks what it
 * computes (so the JIT cannot drop it), and reports one operation per element handled
 * ({@code @OperationsPerInvocation}).
 */
package dev.stowage.bench;
