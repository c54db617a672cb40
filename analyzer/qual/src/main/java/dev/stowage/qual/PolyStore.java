package dev.stowage.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifier polymorphism for wrappers: the object a constructor creates (or a method returns) has
 * the guarantees ({@link Multiple}, {@link Stable}, {@link Pinned}, {@link SharedStore}) of the
 * argument passed for this parameter, in addition to those of its own class. With several
 * {@code @PolyStore} parameters it has only the guarantees all their arguments have. It is the
 * Checker Framework's polymorphic qualifier ({@code @PolyNull} and friends) for this one use: the
 * qualifier of the result is resolved, at each call, from the argument's.
 *
 * <pre>{@code
 * public CheckedStore(@PolyStore Store inner) { ... }
 *
 * Store checked = new CheckedStore(new SlabStore(64, 8));  // @Stable @Multiple, as a SlabStore
 * Store loose = new CheckedStore(new GrowableStore());     // @Multiple only
 * }</pre>
 *
 * <p>A wrapper may carry it only when it forwards every call to the wrapped store, so that
 * whatever the wrapped store guarantees holds for the wrapper too.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface PolyStore {}
