package dev.stowage.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A call to this method (or an override the caller cannot see) never completes by throwing: the
 * checker does not follow an exceptional exit from it, so a {@code catch} or {@code finally} that
 * only such a throw would reach does not count it. Claim it only for methods documented not to
 * throw (the checker cannot verify it); a wrong claim hides double releases on that path.
 * <pre>{@code
 * public interface Promise<V> {                                  // Netty model
 *     @NeverThrows boolean trySuccess(V result);  // DefaultPromise catches and logs its listeners' failures
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NeverThrows {}
