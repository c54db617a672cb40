package dev.stowage.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * After the call, the receiver has room for {@code n} more elements, {@code n} being the argument
 * that {@link #value()} names ({@code "#1"} for the first parameter): that many following calls on
 * the same object whose {@link Invalidates} has {@link Invalidates#unlessReserved()
 * unlessReserved = true} do not invalidate. Each such call uses one unit of the room; any other
 * call that may reallocate the object ({@code RELOCATE}, {@code MOVE}, {@code CLOSE}, {@code ANY})
 * uses it all up.
 *
 * <p>The method's own {@code @Invalidates} happens first (reserving may itself reallocate), then the
 * room is set. The checker counts the room only when the argument is a compile-time constant; for
 * any other argument it knows no room.
 *
 * <pre>{@code
 * @Reserves("#1") @Invalidates(effect = Effect.RELOCATE)
 * public void reserve(long additional) { ... }            // on StoreVec
 *
 * @Invalidates(effect = Effect.RELOCATE, unlessReserved = true)
 * public void pushLong(long value) { ... }
 *
 * vec.reserve(2);
 * vec.pushLong(1);
 * MemorySegment first = vec.get(0);
 * vec.pushLong(2);                                         // within the room: 'first' stays valid
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Reserves {

    /** The parameter ({@code "#n"}, from 1) holding how many more elements fit after the call. */
    String value();
}
