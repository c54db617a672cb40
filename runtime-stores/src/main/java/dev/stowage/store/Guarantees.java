package dev.stowage.store;

import dev.stowage.qual.Multiple;
import dev.stowage.qual.Pinned;
import dev.stowage.qual.SharedStore;
import dev.stowage.qual.Stable;

/**
 * What a store guarantees, read at run time from the qualifier annotations on its class — the
 * same annotations the Stowage checker reads, so the run-time checks of {@link CheckedStore} and
 * the static checks derive the invalidation table (docs/store-model.md) from one source.
 *
 * <pre>{@code
 * Guarantees g = Guarantees.of(new ArenaStore());   // multiple, stable, not pinned, not shared
 * boolean pointersSurviveAllocate = g.stable();
 * }</pre>
 *
 * @param multiple {@code @Multiple}: allocating never invalidates other handles
 * @param stable {@code @Stable} (or {@code @Pinned}): changing one allocation never invalidates
 *     pointers resolved from others
 * @param pinned {@code @Pinned}: memory never relocates, leaked memory outlives the store
 * @param shared {@code @SharedStore}: a member of a sharing set
 */
public record Guarantees(boolean multiple, boolean stable, boolean pinned, boolean shared) {

    /** No guarantee at all (a store class with no qualifier). */
    public static final Guarantees NONE = new Guarantees(false, false, false, false);

    /**
     * The guarantees of a store: the qualifiers on its class; for a {@link CheckedStore}, those of
     * the store it wraps.
     */
    public static Guarantees of(Store store) {
        if (store instanceof CheckedStore checked) {
            return checked.guarantees();
        }
        return ofClass(store.getClass());
    }

    /** The guarantees stated by the qualifier annotations on a store class. */
    public static Guarantees ofClass(Class<?> storeClass) {
        boolean pinned = storeClass.isAnnotationPresent(Pinned.class);
        return new Guarantees(
                storeClass.isAnnotationPresent(Multiple.class),
                pinned || storeClass.isAnnotationPresent(Stable.class),
                pinned,
                storeClass.isAnnotationPresent(SharedStore.class));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (shared) sb.append("@SharedStore ");
        if (pinned) sb.append("@Pinned ");
        else if (stable) sb.append("@Stable ");
        if (multiple) sb.append("@Multiple ");
        return sb.isEmpty() ? "(no guarantees)" : sb.toString().trim();
    }
}
