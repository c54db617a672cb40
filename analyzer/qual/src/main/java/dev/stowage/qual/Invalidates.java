package dev.stowage.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method (or constructor) may invalidate handles and pointers of a store, box or collection.
 *
 * <p>{@link #value()} names what it invalidates: {@code "this"} (the default) for the receiver,
 * {@code "#1"}, {@code "#2"}, … for the first, second, … parameter. {@link #effect()} says how
 * much, following the invalidation table of the Stowage specification; the guarantees of the
 * store's type ({@link Multiple}, {@link Stable}, {@link Pinned}) narrow it at each call:
 *
 * <table>
 *   <caption>What each effect makes stale</caption>
 *   <tr><th>effect</th><th>the {@link #handle()} argument and its pointers</th>
 *       <th>other handles</th><th>other pointers</th></tr>
 *   <tr><td>{@link Effect#ALLOCATE}</td><td>—</td><td>unless {@code @Multiple}</td>
 *       <td>unless {@code @Stable}</td></tr>
 *   <tr><td>{@link Effect#FREE}</td><td>stale</td><td>unless {@code @Multiple}</td>
 *       <td>unless {@code @Stable}</td></tr>
 *   <tr><td>{@link Effect#RELOCATE}</td><td>—</td><td>—</td><td>unless {@code @Pinned}</td></tr>
 *   <tr><td>{@link Effect#POINTERS}</td><td>—</td><td>—</td><td>stale</td></tr>
 *   <tr><td>{@link Effect#MOVE}</td><td colspan="3">everything; the object itself is moved</td></tr>
 *   <tr><td>{@link Effect#CLOSE}</td><td colspan="3">everything; the object itself is closed</td></tr>
 *   <tr><td>{@link Effect#ANY} (default)</td><td colspan="3">every handle and pointer</td></tr>
 * </table>
 *
 * <p>A box or collection keeps its memory in a store ({@link Issues}): an effect on it that may
 * reallocate or free ({@code RELOCATE}, {@code MOVE}, {@code CLOSE}, {@code ANY}) is also an
 * {@code ALLOCATE} on that store. Repeat the annotation for a method that invalidates several
 * stores.
 *
 * <pre>{@code
 * @Invalidates(effect = Effect.ALLOCATE) @Issues
 * long allocate(long byteSize, long byteAlignment);
 *
 * @Invalidates(effect = Effect.FREE, handle = "#1") @Issues
 * long grow(long handle, long oldByteSize, long newByteSize, long byteAlignment);
 *
 * // a user's helper that refills a store it is given
 * @Invalidates("#1")
 * static void refill(Store store) { ... }
 * }</pre>
 *
 * <p>Two elements state capacity promises, so that a call that would invalidate does not when the
 * object is known to have room: {@link #unlessReserved()} (a push within the room a {@link Reserves}
 * call made) and {@link #unlessPresent()} (a put of a key the object already holds):
 *
 * <pre>{@code
 * @Invalidates(effect = Effect.RELOCATE, unlessReserved = true)
 * public void pushLong(long value) { ... }                 // on StoreVec
 *
 * @Invalidates(effect = Effect.RELOCATE, unlessPresent = "#1")
 * public void put(long key, long value) { ... }            // on StoreLongMap
 * }</pre>
 *
 * <p>The checker trusts this declaration at call sites, and checks that a body which invalidates
 * its receiver's or a parameter's store declares it ({@code invalidates.undeclared}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR})
@Repeatable(Invalidates.List.class)
public @interface Invalidates {

    /** What is invalidated: {@code "this"} or {@code "#n"} for the n-th parameter (from 1). */
    String value() default "this";

    /** How much is invalidated; the store type's guarantees narrow it. */
    Effect effect() default Effect.ANY;

    /**
     * For {@link Effect#FREE}: the parameter ({@code "#n"}) holding the handle that is freed, grown
     * or shrunk, which is stale after the call whatever the store guarantees.
     */
    String handle() default "";

    /**
     * For a resize ({@link Effect#FREE} with a {@link #handle()}): the parameter ({@code "#n"})
     * holding the allocation's new byte size. Tools use it to resolve a stale pointer again with
     * the new size ({@code @Invalidates(effect = FREE, handle = "#1", size = "#3") long grow(long h,
     * long oldSize, long newSize, long align)}); empty when the method does not resize.
     */
    String size() default "";

    /**
     * The effect does not happen while room reserved by a {@link Reserves} call on the same object
     * remains; each such call uses one unit of that room.
     */
    boolean unlessReserved() default false;

    /**
     * The effect does not happen when the key argument named here ({@code "#n"}) is known present
     * in the object: the same key (the same compile-time constant, or the same effectively final
     * local variable or parameter) was passed as the {@code unlessPresent} argument of an earlier
     * call on the same object, and nothing else invalidated the object since. Empty (the default):
     * the effect always happens.
     */
    String unlessPresent() default "";

    /** The kinds of invalidation; the table on {@link Invalidates} says what each makes stale. */
    enum Effect {
        /** A new allocation: other handles stale unless {@code @Multiple}, pointers unless {@code @Stable}. */
        ALLOCATE,
        /** Frees, grows or shrinks {@link Invalidates#handle()}; others as for {@link #ALLOCATE}. */
        FREE,
        /** Memory may move (compaction): pointers stale unless {@code @Pinned}; handles survive. */
        RELOCATE,
        /** Pointers stale (elements dropped or shifted); handles and the store's memory survive. */
        POINTERS,
        /** The object is moved away ({@code moveTo}, {@code leak}): everything stale, the object dead. */
        MOVE,
        /** The object is closed (dropped): everything stale, using it afterwards is an error. */
        CLOSE,
        /** Anything short of closing: every handle and every pointer is stale. */
        ANY;

        /**
         * The invalidation table's handle column: whether this effect makes the store's other handles
         * stale, given the store's guarantees. The one definition that both the checker and
         * {@code CheckedStore} apply.
         *
         * <pre>{@code
         * Effect.ALLOCATE.killsHandles(true, false);   // false: a @Multiple store keeps other handles
         * }</pre>
         *
         * @param multiple the store is {@code @Multiple}
         * @param shared the store is a {@code @SharedStore} member (its handles outlive a member's close)
         */
        public boolean killsHandles(boolean multiple, boolean shared) {
            return killsHandles(multiple, shared, false);
        }

        /**
         * As {@link #killsHandles(boolean, boolean)}, for a store that may be {@code @Persistent}: its
         * handles name memory that outlives the object, so closing it kills none of them.
         *
         * <pre>{@code
         * Effect.CLOSE.killsHandles(true, false, true);   // false: a FileStore's handles survive close()
         * }</pre>
         *
         * @param persistent the store is {@code @Persistent}
         */
        public boolean killsHandles(boolean multiple, boolean shared, boolean persistent) {
            return switch (this) {
                case ALLOCATE, FREE -> !multiple;
                case CLOSE -> !shared && !persistent; // valid with every member of a sharing set / in the file
                case MOVE, ANY -> true;
                case RELOCATE, POINTERS -> false;
            };
        }

        /**
         * The invalidation table's pointer column: whether this effect makes the pointers resolved
         * from the store's other handles stale, given the store's guarantees.
         *
         * @param stable the store is {@code @Stable} (or {@code @Pinned})
         * @param pinned the store is {@code @Pinned}
         */
        public boolean killsPointers(boolean stable, boolean pinned) {
            return switch (this) {
                case ALLOCATE, FREE -> !stable;
                case RELOCATE -> !pinned;
                case CLOSE -> true; // even a shared member's own view dies with it
                case MOVE, ANY -> true;
                case POINTERS -> false; // only the object's own pointers, handled by the caller
            };
        }
    }

    /** Holds repeated {@link Invalidates} annotations. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.CONSTRUCTOR})
    @interface List {
        /** The repeated annotations. */
        Invalidates[] value();
    }
}
