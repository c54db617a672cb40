package dev.stowage.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method a user overrides only borrows the parameters {@link #value()} names: the caller keeps
 * ownership and releases them after the call. A body (of this method or of an override) that
 * releases or hands off such a parameter, a call whose {@link Invalidates} with effect
 * {@code CLOSE} or {@code MOVE} targets it, is reported as {@code ownership.borrowed}: the caller
 * will release it again.
 * <pre>{@code
 * public abstract class ByteToMessageDecoder {                                  // Netty model
 *     @Borrows("#2") protected abstract void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out);
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Borrows {

    /** The borrowed parameters, {@code "#n"} each. */
    String[] value();
}
