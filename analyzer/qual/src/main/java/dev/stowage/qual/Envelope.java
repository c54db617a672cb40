package dev.stowage.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The memory of an object of this type is the content it carries, reached through the methods this
 * type declares (and its supertypes'); the fields a subtype adds are its own. After such an object
 * is closed or handed away, calling a method this type or a supertype declares, or an override of
 * one ({@code content()}, {@code copy()}, {@code release()}), is a use and is reported; a method a
 * subtype adds (an HTTP/2 frame's {@code initialFlowControlledBytes()}, {@code padding()},
 * {@code stream()}) reads the subtype's own fields and is not. Passing the object on stays a use.
 * <pre>{@code
 * @Envelope
 * public interface ByteBufHolder {                    // Netty model
 *     @Issues("this") ByteBuf content();
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Envelope {}
