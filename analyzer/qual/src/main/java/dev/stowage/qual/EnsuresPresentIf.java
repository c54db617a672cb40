package dev.stowage.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A membership test: when the method returns {@link #result()}, the key passed as {@link #key()}
 * is present in the receiver. Where the test is the condition of an {@code if}, a loop or a
 * {@code ? :}, the branch taken on that result knows the key present, so a later call whose
 * {@link Invalidates#unlessPresent()} names the same key (the same compile-time constant, or the
 * same effectively final local variable or parameter) on the same object has no effect. It is the
 * Checker Framework's {@code @EnsuresKeyForIf} for store-backed maps.
 *
 * <pre>{@code
 * @EnsuresPresentIf(key = "#1")
 * public boolean containsKey(long key) { ... }             // on StoreLongMap
 *
 * MemorySegment ref = map.valueRef(1);
 * if (map.containsKey(k)) {
 *     map.put(k, 5);                                       // k is present: no rehash, 'ref' stays valid
 * }
 * }</pre>
 *
 * <p>What the object knows present survives effects that only move or add memory ({@code ALLOCATE},
 * {@code RELOCATE}: a rehash keeps every key); any other effect on it forgets it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface EnsuresPresentIf {

    /** The parameter ({@code "#n"}, from 1) holding the key the test is about. */
    String key();

    /** The result on which the key is present ({@code true} for {@code containsKey}). */
    boolean result() default true;
}
