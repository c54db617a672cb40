package dev.stowage.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The argument named by {@link #value()} ({@code "#n"}: a {@code Runnable}, {@code Callable} or
 * other function object) runs on a thread other than the caller's: what a lambda passed there
 * uses is reached from that thread. The checker reports {@code pointer.thread} for a pointer of a
 * {@link Confined} store (or the store itself) used inside it.
 * <pre>{@code
 * @RunsOnAnotherThread("#1") Future<?> submit(Runnable task);   // ExecutorService, JDK model
 * @RunsOnAnotherThread("#1") Thread(Runnable task);              // the thread is assumed started
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR})
public @interface RunsOnAnotherThread {

    /** The argument that runs on another thread: {@code "#n"}. */
    String value() default "#1";
}
