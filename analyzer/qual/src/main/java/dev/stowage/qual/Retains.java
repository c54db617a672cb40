package dev.stowage.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The call takes one more reference to the receiver (a reference count goes up): the next call on
 * the same object whose {@link Invalidates} has {@link Invalidates#unlessReserved() unlessReserved
 * = true} gives that reference up and has no other effect. With {@link #value()} naming a
 * parameter ({@code "#1"}), the call takes as many references as that argument says (counted only
 * when it is a compile-time constant; otherwise none are counted).
 *
 * <p>Handing over the result of a retaining call ({@code ctx.write(buf.retain())}) gives up the new
 * reference, not the caller's: an argument that is such a call is never invalidated.
 * <pre>{@code
 * @Retains ReferenceCounted retain();                                          // Netty model
 * @Invalidates(effect = Effect.CLOSE, unlessReserved = true) boolean release();
 *
 * buf.retain();
 * ctx.write(buf);          // gives up the retained reference
 * buf.readableBytes();     // still ours: fine
 * buf.release();           // our last reference: buf is dead from here on
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Retains {

    /** Empty for one reference, or the parameter ({@code "#n"}) holding how many. */
    String value() default "";
}
