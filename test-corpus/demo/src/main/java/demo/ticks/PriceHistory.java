package demo.ticks;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;
import java.lang.foreign.MemorySegment;

/** The last prices of one instrument, in a vector of longs (price in ticks). */
public final class PriceHistory implements AutoCloseable {

    private final StoreVec prices;

    /** Keeps the prices in {@code store}, which it allocates from (so it says so). */
    @Invalidates(value = "#1", effect = Effect.ALLOCATE)
    public PriceHistory(Store store) {
        prices = StoreVec.ofLongs(store);
    }

    /** Records a price and returns how far it moved from the previous one. */
    @Invalidates(effect = Effect.RELOCATE)
    public long record(long price) {
        if (prices.isEmpty()) {
            prices.pushLong(price);
            return 0;
        }
        MemorySegment last = prices.get(prices.size() - 1);
        prices.pushLong(price);
        // BUG: pushLong may have reallocated the vector; 'last' points into the old buffer.
        // :: error: [pointer.stale]
        long previous = last.get(JAVA_LONG, 0);
        return price - previous;
    }

    /** The same, done right: read by index (a value, not a pointer) after the push. */
    @Invalidates(effect = Effect.RELOCATE)
    public long recordCorrectly(long price) {
        long previous = prices.isEmpty() ? price : prices.getLong(prices.size() - 1);
        prices.pushLong(price);
        return price - previous;
    }

    public long size() {
        return prices.size();
    }

    @Override
    @Invalidates(effect = Effect.CLOSE)
    public void close() {
        prices.close();
    }
}
