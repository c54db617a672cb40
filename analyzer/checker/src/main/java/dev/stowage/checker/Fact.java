package dev.stowage.checker;

import com.sun.source.tree.Tree;
import dev.stowage.qual.Invalidates.Effect;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.VariableElement;

/**
 * What the flow analysis knows about one local variable at one program point. Immutable; the
 * store maps variables to facts, and a copy of a variable shares its fact, so that the copy goes
 * stale with the original.
 *
 * @param kind what the variable holds
 * @param values the value identities it may hold (the trees that produced them): a handle freed by
 *     {@code deallocate(h)} is found among copies through these
 * @param self for a store, box or collection: the object(s) it may be
 * @param owners for a handle or pointer: the object it belongs to; for a box or collection: the
 *     store that holds its memory (empty for a store itself)
 * @param ownerStores for a pointer into a box or collection: that object's store
 * @param fromHandles for a pointer: the value identities of the handle it was resolved from
 * @param quals the guarantees of the object itself (stores, boxes, collections)
 * @param ownerQuals the guarantees of {@link #owners()}
 * @param origin where the value was issued, resolved or created
 * @param status live, or why not
 * @param cause the call that made it stale, closed or moved it (null while live)
 * @param causeEffect the effect of {@link #cause()}
 * @param viaOwner true when the cause acted on the owner (a box whose store was closed)
 * @param captured for a lambda: the tracked locals it captured
 * @param room for a box or collection: how many more calls with {@code unlessReserved} it has room
 *     for (from a {@code @Reserves} call with a constant count); 0 when none is known
 * @param presentKeys for a box or collection: the keys known present in it (constant values as
 *     {@link ConstantKey}, effectively final locals as their {@link VariableElement})
 * @param guard for a stale value: the values of effectively final {@code boolean} locals (and
 *     answers of {@code @Query} calls, {@link StowageStore.Query}) under which it was made stale; on a path where one of them is known to have the other value, it is
 *     live (empty: stale whatever the flags)
 * @param symbolicRoom for a box or collection: room reserved for a count the checker cannot
 *     compute ({@code reserve(n)}), usable only by one loop that runs at most that many times; null
 *     when none
 */
record Fact(
        Kind kind,
        Set<Object> values,
        Set<OwnerRef> self,
        Set<OwnerRef> owners,
        Set<OwnerRef> ownerStores,
        Set<Object> fromHandles,
        Quals quals,
        Quals ownerQuals,
        Tree origin,
        Status status,
        Tree cause,
        Effect causeEffect,
        boolean viaOwner,
        Set<VariableElement> captured,
        long room,
        Set<Object> presentKeys,
        Map<Object, Boolean> guard,
        SymbolicRoom symbolicRoom) {

    /**
     * Room for as many elements as {@code symbol} says: an effectively final local ({@link VariableElement})
     * or the length of an effectively final local array ({@link ArrayLength}). Only a loop that runs at
     * most that many times, with one {@code unlessReserved} call per iteration, may use it:
     * {@code spentBy} is that loop once it has (null before).
     */
    record SymbolicRoom(Object symbol, Tree spentBy) {}

    /** The length of an effectively final local array, as a count. */
    record ArrayLength(VariableElement array) {}

    /** A fact with no guard (live, or stale on every path). */
    Fact(Kind kind, Set<Object> values, Set<OwnerRef> self, Set<OwnerRef> owners, Set<OwnerRef> ownerStores,
            Set<Object> fromHandles, Quals quals, Quals ownerQuals, Tree origin, Status status, Tree cause,
            Effect causeEffect, boolean viaOwner, Set<VariableElement> captured, long room, Set<Object> presentKeys) {
        this(kind, values, self, owners, ownerStores, fromHandles, quals, ownerQuals, origin, status, cause, causeEffect,
                viaOwner, captured, room, presentKeys, Map.of(), null);
    }

    /** A compile-time constant used as a key, normalized so that {@code 1} and {@code 1L} are one key. */
    record ConstantKey(Object value) {}

    /** What a tracked local holds. */
    enum Kind { HANDLE, POINTER, OBJECT, CLOSURE }

    /** Live, or why not; ordered from best to worst, and joins keep the worst. */
    enum Status { LIVE, STALE, MOVED, CLOSED }

    static Fact handle(Tree origin, Set<OwnerRef> owners, Quals ownerQuals) {
        return new Fact(Kind.HANDLE, Set.of(origin), Set.of(), owners, Set.of(), Set.of(), Quals.NONE, ownerQuals,
                origin, Status.LIVE, null, null, false, Set.of(), 0, Set.of());
    }

    /** A handle that arrived in {@code local} (a parameter, …): its identity is the local itself; no origin in this method. */
    static Fact arrivedHandle(VariableElement local, Set<OwnerRef> owners, Quals ownerQuals) {
        return new Fact(Kind.HANDLE, Set.of(local), Set.of(), owners, Set.of(), Set.of(), Quals.NONE, ownerQuals,
                null, Status.LIVE, null, null, false, Set.of(), 0, Set.of());
    }

    static Fact pointer(Tree origin, Fact owner, Set<Object> fromHandles) {
        return new Fact(Kind.POINTER, Set.of(origin), Set.of(), owner.self, owner.owners, fromHandles, Quals.NONE,
                owner.quals, origin, Status.LIVE, null, null, false, Set.of(), 0, Set.of());
    }

    static Fact object(Tree origin, Set<OwnerRef> self, Set<OwnerRef> owners, Quals quals, Quals ownerQuals) {
        return new Fact(Kind.OBJECT, origin == null ? Set.of() : Set.of(origin), self, owners, Set.of(), Set.of(), quals,
                ownerQuals, origin, Status.LIVE, null, null, false, Set.of(), 0, Set.of());
    }

    static Fact closure(Tree origin, Set<VariableElement> captured) {
        return new Fact(Kind.CLOSURE, Set.of(origin), Set.of(), Set.of(), Set.of(), Set.of(), Quals.NONE, Quals.NONE,
                origin, Status.LIVE, null, null, false, Set.copyOf(captured), 0, Set.of());
    }

    boolean isLive() {
        return status == Status.LIVE;
    }

    /** This fact, made stale (or closed, or moved) by {@code call} on every path. */
    Fact killedBy(Status newStatus, Tree call, Effect effect, boolean throughOwner) {
        return killedUnder(Map.of(), newStatus, call, effect, throughOwner);
    }

    /**
     * This object closed or moved by {@code call} on a path where the query answers {@code answers}
     * hold (an empty map: on every path). As in {@link #staleUnder}, a fact already dead under a
     * guard keeps the weaker of the two guards when one implies the other, else none.
     */
    Fact killedUnder(Map<Object, Boolean> answers, Status newStatus, Tree call, Effect effect, boolean throughOwner) {
        Map<Object, Boolean> g;
        if (isLive()) {
            g = answers;
        } else if (guard.isEmpty() || answers.entrySet().containsAll(guard.entrySet())) {
            return this; // already dead on every path these answers allow
        } else {
            g = guard.entrySet().containsAll(answers.entrySet()) ? answers : Map.of();
        }
        return new Fact(kind, values, self, owners, ownerStores, fromHandles, quals, ownerQuals, origin, newStatus,
                call, effect, throughOwner, captured, room, presentKeys, Map.copyOf(g), symbolicRoom);
    }

    /**
     * This fact made stale by {@code call} on a path where the flags {@code assumptions} hold: it
     * stays live on paths where one of them does not. A fact already stale under a guard {@code g}
     * is now stale under "{@code g} or {@code assumptions}", kept exactly when one implies the other
     * and otherwise widened to "always".
     */
    Fact staleUnder(Map<Object, Boolean> assumptions, Tree call, Effect effect, boolean throughOwner) {
        if (status == Status.LIVE) {
            return new Fact(kind, values, self, owners, ownerStores, fromHandles, quals, ownerQuals, origin, Status.STALE,
                    call, effect, throughOwner, captured, room, presentKeys, Map.copyOf(assumptions), symbolicRoom);
        }
        if (status != Status.STALE || guard.isEmpty() || assumptions.entrySet().containsAll(guard.entrySet())) {
            return this; // already stale on every path these assumptions allow
        }
        Map<Object, Boolean> widened = guard.entrySet().containsAll(assumptions.entrySet()) ? assumptions : Map.of();
        return new Fact(kind, values, self, owners, ownerStores, fromHandles, quals, ownerQuals, origin, Status.STALE,
                call, effect, throughOwner, captured, room, presentKeys, Map.copyOf(widened), symbolicRoom);
    }

    /** True when the fact is stale only under a guard that says {@code flag} is not {@code value}. */
    boolean liveWhen(Object flag, boolean value) {
        Boolean needed = guard.get(flag);
        return needed != null && needed != value;
    }

    /**
     * This fact with its guard dropped when the guard names an answer of a query on {@code receiver}
     * (the receiver may have changed, so the answer no longer tells the paths apart): stale on every
     * path. A null receiver: any query's answer.
     */
    Fact unguardedOn(VariableElement receiver) {
        for (Object k : guard.keySet()) {
            if (k instanceof StowageStore.Query q && (receiver == null || q.receiver().equals(receiver))) {
                return new Fact(kind, values, self, owners, ownerStores, fromHandles, quals, ownerQuals, origin, status,
                        cause, causeEffect, viaOwner, captured, room, presentKeys, Map.of(), symbolicRoom);
            }
        }
        return this;
    }

    /** This fact as it was before its guarded staleness: live. */
    Fact revived() {
        return new Fact(kind, values, self, owners, ownerStores, fromHandles, quals, ownerQuals, origin, Status.LIVE,
                null, null, false, captured, room, presentKeys, Map.of(), symbolicRoom);
    }

    /** This fact with stronger guarantees (the use's own type qualifiers). */
    Fact withQuals(Quals q) {
        return new Fact(kind, values, self, owners, ownerStores, fromHandles, q, ownerQuals, origin, status, cause,
                causeEffect, viaOwner, captured, room, presentKeys, guard, symbolicRoom);
    }

    /** This fact with {@code room} more unlessReserved calls known not to invalidate. */
    Fact withRoom(long newRoom) {
        return newRoom == room ? this : new Fact(kind, values, self, owners, ownerStores, fromHandles, quals, ownerQuals,
                origin, status, cause, causeEffect, viaOwner, captured, newRoom, presentKeys, guard, symbolicRoom);
    }

    /** This fact with these keys known present. */
    Fact withPresentKeys(Set<Object> keys) {
        return keys.equals(presentKeys) ? this : new Fact(kind, values, self, owners, ownerStores, fromHandles, quals,
                ownerQuals, origin, status, cause, causeEffect, viaOwner, captured, room, Set.copyOf(keys), guard, symbolicRoom);
    }

    /** This fact with this symbolic room (null: none). */
    Fact withSymbolicRoom(SymbolicRoom r) {
        return java.util.Objects.equals(r, symbolicRoom) ? this : new Fact(kind, values, self, owners, ownerStores,
                fromHandles, quals, ownerQuals, origin, status, cause, causeEffect, viaOwner, captured, room, presentKeys,
                guard, r);
    }

    /**
     * Where two paths meet: everything either path may hold, the weaker guarantees, and the worse
     * status with its cause (stale on any path is stale). The room is kept only when both paths
     * agree on it (0 otherwise, so a loop that uses room reaches its fixpoint at once), and only the
     * keys present on both paths stay known.
     */
    Fact join(Fact other) {
        if (other == null || other.equals(this)) {
            return this;
        }
        if (other.kind != kind) {
            return status.compareTo(other.status) >= 0 ? this : other;
        }
        Fact worse = other.status.compareTo(status) > 0 ? other : this;
        // Stale under a guard on one side and live on the other: still live wherever the guard fails.
        // Stale on both sides: the guard survives only when both have the same one.
        Fact better = worse == this ? other : this;
        Map<Object, Boolean> joinedGuard = better.status == Status.LIVE ? worse.guard
                : better.status == worse.status && better.guard.equals(worse.guard) ? worse.guard : Map.of();
        return new Fact(kind, union(values, other.values), union(self, other.self), union(owners, other.owners),
                union(ownerStores, other.ownerStores), union(fromHandles, other.fromHandles), quals.meet(other.quals),
                ownerQuals.meet(other.ownerQuals), origin, worse.status, worse.cause, worse.causeEffect,
                worse.viaOwner, union(captured, other.captured), room == other.room ? room : 0,
                intersection(presentKeys, other.presentKeys), joinedGuard, joinSymbolicRoom(symbolicRoom, other.symbolicRoom));
    }

    /**
     * The same count on both paths survives; if one path has used it in a loop, the join has (the
     * loop's head meets its entry this way); two different loops, or two counts, leave none.
     */
    private static SymbolicRoom joinSymbolicRoom(SymbolicRoom a, SymbolicRoom b) {
        if (a == null || b == null || !a.symbol().equals(b.symbol())) {
            return null;
        }
        if (a.spentBy() == null || a.spentBy() == b.spentBy()) {
            return b;
        }
        return b.spentBy() == null ? a : null;
    }

    static <T> Set<T> intersection(Set<T> a, Set<T> b) {
        if (a.isEmpty() || b.containsAll(a)) {
            return a;
        }
        if (a.containsAll(b)) {
            return b;
        }
        Set<T> i = new HashSet<>(a);
        i.retainAll(b);
        return Set.copyOf(i);
    }

    static <T> Set<T> union(Set<T> a, Set<T> b) {
        if (a.containsAll(b)) {
            return a;
        }
        if (b.containsAll(a)) {
            return b;
        }
        Set<T> u = new HashSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }

    @Override
    public String toString() {
        return kind + "/" + status + (self.isEmpty() ? "" : " self=" + self) + (owners.isEmpty() ? "" : " owners=" + owners)
                + (room == 0 ? "" : " room=" + room) + (symbolicRoom == null ? "" : " room=" + symbolicRoom.symbol()) + (presentKeys.isEmpty() ? "" : " keys=" + presentKeys)
                + (cause == null ? "" : " by " + cause.toString().replace('\n', ' ')) + (guard.isEmpty() ? "" : " if " + guard);
    }
}
