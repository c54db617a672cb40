package dev.stowage.checker;

import java.util.Objects;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Types;

/**
 * The identity of a store, box or collection object inside one method body: which object an
 * expression denotes, as far as the analysis can tell. Locals copied from one another share their
 * {@code OwnerRef}s (must-aliases); two different refs may still denote the same object unless
 * {@link #definitelyDistinct} says otherwise.
 *
 * @param origin how the object was obtained
 * @param key the tree (for {@code FRESH}/{@code UNKNOWN}) or element (for {@code PARAM}/{@code FIELD}/{@code UNKNOWN}) that names it; null for {@code THIS}
 * @param type the class or interface the object is statically known to be, or null
 */
record OwnerRef(Origin origin, Object key, TypeElement type) {

    /** How an object reached the method. */
    enum Origin {
        /** Created in this method ({@code new}, or returned by an {@code @Issues} method): no one else holds it yet. */
        FRESH,
        /** The value a parameter had on entry. */
        PARAM,
        /** The receiver. */
        THIS,
        /** Read from a field. */
        FIELD,
        /** Anything else (a method's result, a for-each variable, …). */
        UNKNOWN
    }

    /** The key of the unknown store that holds the memory of a box or collection of unknown origin. */
    record StoreOf(Object holderKey) {}

    static final OwnerRef THIS_REF = new OwnerRef(Origin.THIS, null, null);

    /**
     * True only when the two refs cannot denote the same object: two different creation sites, a
     * creation site and a parameter or the receiver, or types no object can have both of.
     */
    boolean definitelyDistinct(OwnerRef other, Types types) {
        if (this.equals(other)) {
            return false;
        }
        if (origin == Origin.FRESH && other.origin == Origin.FRESH) {
            return true;
        }
        if ((origin == Origin.FRESH && (other.origin == Origin.PARAM || other.origin == Origin.THIS))
                || (other.origin == Origin.FRESH && (origin == Origin.PARAM || origin == Origin.THIS))) {
            return true;
        }
        return type != null && other.type != null && incompatible(type, other.type, types);
    }

    private static boolean incompatible(TypeElement a, TypeElement b, Types types) {
        var ta = types.erasure(a.asType());
        var tb = types.erasure(b.asType());
        if (types.isSubtype(ta, tb) || types.isSubtype(tb, ta)) {
            return false;
        }
        boolean aClass = !a.getKind().isInterface();
        boolean bClass = !b.getKind().isInterface();
        boolean aFinal = a.getModifiers().contains(javax.lang.model.element.Modifier.FINAL);
        boolean bFinal = b.getModifiers().contains(javax.lang.model.element.Modifier.FINAL);
        // Two classes, neither a subclass of the other, or a final class and a type it does not implement.
        return (aClass && bClass) || aFinal || bFinal;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OwnerRef r && origin == r.origin && Objects.equals(key, r.key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, key);
    }

    @Override
    public String toString() {
        return origin + (key == null ? "" : "(" + key.toString().replace('\n', ' ') + ")");
    }
}
