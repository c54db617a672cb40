package dev.stowage.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code boolean} method without parameters that only reads its receiver: called twice on the
 * same local with nothing in between that names that local (a call taking it as receiver or
 * argument, an assignment to it), it returns the same. The checker then does not take a branch that
 * contradicts an earlier answer on the path (a loop whose condition is the query that the body just
 * answered false ends there). Not verified; an alias of the receiver changed in between is not seen.
 * <pre>{@code
 * public abstract class ByteBuf {                                // Netty model
 *     @Query boolean isReadable();
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Query {}
