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
 *
 * <p>Some base classes release the parameter only when a subclass left a constructor flag on
 * ({@link #unlessConstructedWithFalse()}):
 * <pre>{@code
 * public abstract class SimpleChannelInboundHandler<I> {                       // Netty model
 *     @Borrows(value = "#2", unlessConstructedWithFalse = true) protected void channelRead0(ChannelHandlerContext ctx, I msg);
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Borrows {

    /** The borrowed parameters, {@code "#n"} each. */
    String[] value();

    /**
     * When true, the parameters are borrowed only while the object's class keeps on the
     * {@code boolean} parameter of this method's class's constructors (Netty's
     * {@code SimpleChannelInboundHandler(boolean autoRelease)}, {@code (Class, boolean autoRelease)}):
     * a class whose constructors pass that parameter anything but the constant {@code true}, such as
     * {@code super(false)}, owns them, and releasing or handing them off is right. A constructor that
     * calls one without a {@code boolean} parameter ({@code super()}) keeps the default, on.
     */
    boolean unlessConstructedWithFalse() default false;
}
