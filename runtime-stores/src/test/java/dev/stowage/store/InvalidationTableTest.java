package dev.stowage.store;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * the invalidation table (docs/store-model.md), cell by cell, on every store, run through {@link CheckedStore}:
 * what the table calls stale throws at the stale use (a handle: {@link StaleHandleException}; a
 * pointer: {@link IllegalStateException} from FFM), what it calls valid reads back what was written.
 *
 * <p>Each test sets up a <em>target</em> allocation (the handle passed to the operation) and,
 * where the store can hold two at once ({@code @Multiple}), an <em>other</em> allocation, resolves
 * a pointer to each, performs one operation and checks one column.
 */
class InvalidationTableTest {

    /** The rows of the table. */
    enum Operation { ALLOCATE, DEALLOCATE, GROW, SHRINK, RESOLVE, RELOCATE, CLOSE }

    /** The columns of the table. */
    enum Column { HANDLE_PASSED, OTHER_HANDLES, POINTERS_FROM_HANDLE_PASSED, OTHER_POINTERS }

    /** What a cell says, or that the cell does not apply (the table's "—"). */
    enum Expect { STALE, VALID, NOT_APPLICABLE }

    private static final long TARGET_VALUE = 0x1111_2222_3333_4444L;
    private static final long OTHER_VALUE = 0x5555_6666_7777_8888L;

    /** The table, for a store with the given guarantees. */
    static Expect expected(Operation op, Column column, Guarantees g) {
        boolean passed = column == Column.HANDLE_PASSED || column == Column.POINTERS_FROM_HANDLE_PASSED;
        return switch (op) {
            case ALLOCATE -> switch (column) {
                case HANDLE_PASSED, POINTERS_FROM_HANDLE_PASSED -> Expect.NOT_APPLICABLE;
                case OTHER_HANDLES -> g.multiple() ? Expect.VALID : Expect.STALE;
                case OTHER_POINTERS -> g.stable() ? Expect.VALID : Expect.STALE;
            };
            case DEALLOCATE, GROW, SHRINK -> passed ? Expect.STALE : switch (column) {
                case OTHER_HANDLES -> g.multiple() ? Expect.VALID : Expect.STALE;
                default -> g.stable() ? Expect.VALID : Expect.STALE;
            };
            case RESOLVE -> Expect.VALID;
            case RELOCATE -> switch (column) {
                case HANDLE_PASSED, OTHER_HANDLES -> Expect.VALID;
                default -> g.pinned() ? Expect.VALID : Expect.STALE;
            };
            case CLOSE -> Expect.STALE;
        };
    }

    /** The guarantees each store must carry; also checked against its class's annotations. */
    record StoreUnderTest(String name, Supplier<Store> factory, Guarantees guarantees) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<StoreUnderTest> storesUnderTest() {
        return StoreFactories.withGuarantees();
    }

    @TestFactory
    List<DynamicTest> everyCellOnEveryStore() {
        List<DynamicTest> tests = new ArrayList<>();
        for (StoreUnderTest store : storesUnderTest()) {
            tests.add(dynamicTest(store + " carries the qualifiers " + store.guarantees(), () -> {
                try (Store raw = store.factory().get()) {
                    assertEquals(store.guarantees(), Guarantees.of(raw));
                    assertEquals(store.guarantees(), Guarantees.of(new CheckedStore(raw)));
                }
            }));
            for (Operation op : Operation.values()) {
                for (Column column : Column.values()) {
                    Expect expect = expected(op, column, store.guarantees());
                    if (expect == Expect.NOT_APPLICABLE) {
                        continue;
                    }
                    if (column == Column.OTHER_HANDLES || column == Column.OTHER_POINTERS) {
                        if (!store.guarantees().multiple() && op != Operation.ALLOCATE) {
                            continue; // a single-allocation store never holds an "other" allocation
                        }
                    }
                    String cell = store + " / " + op + " / " + column + ": " + expect;
                    tests.add(dynamicTest(cell, () -> {
                        try {
                            checkCell(store, op, column, expect);
                        } catch (Throwable t) { // name the cell: reports show dynamic tests by index
                            throw new AssertionError(cell + " failed: " + t, t);
                        }
                    }));
                }
            }
        }
        return tests;
    }

    private static void checkCell(StoreUnderTest sut, Operation op, Column column, Expect expect) {
        CheckedStore store = new CheckedStore(sut.factory().get());
        try {
            boolean single = !sut.guarantees().multiple();
            // Allocate everything first, then resolve: on a store that is not @Stable, allocating
            // the other would already kill a pointer resolved from the target.
            long target = store.allocate(16, 8);
            long other = single ? target : store.allocate(16, 8);
            MemorySegment targetPointer = store.resolve(target, 16);
            MemorySegment otherPointer = store.resolve(other, 16);
            targetPointer.set(JAVA_LONG, 0, TARGET_VALUE);
            if (!single || op == Operation.ALLOCATE) {
                // The allocate row's "other" on a single-allocation store is the one there is.
                otherPointer.set(JAVA_LONG, 0, OTHER_VALUE);
            }

            long result = perform(store, op, target);

            switch (column) {
                case HANDLE_PASSED -> checkHandle(store, target, TARGET_VALUE, expect);
                case OTHER_HANDLES -> checkHandle(store, other, OTHER_VALUE, expect);
                case POINTERS_FROM_HANDLE_PASSED -> checkPointer(targetPointer, TARGET_VALUE, expect);
                case OTHER_POINTERS -> checkPointer(otherPointer, OTHER_VALUE, expect);
            }
            if ((op == Operation.GROW || op == Operation.SHRINK) && column == Column.HANDLE_PASSED) {
                // The handle returned is the one to use: it names the same contents.
                assertEquals(TARGET_VALUE, store.resolve(result, 8).get(JAVA_LONG, 0));
            }
        } finally {
            store.close();
        }
    }

    private static long perform(CheckedStore store, Operation op, long target) {
        return switch (op) {
            case ALLOCATE -> store.allocate(16, 8);
            case DEALLOCATE -> { store.deallocate(target, 16, 8); yield 0; }
            case GROW -> store.grow(target, 16, 4096, 8);
            case SHRINK -> store.shrink(target, 16, 8, 8);
            case RESOLVE -> { store.resolve(target, 16); yield 0; }
            case RELOCATE -> { store.compact(); yield 0; }
            case CLOSE -> { store.close(); yield 0; }
        };
    }

    private static void checkHandle(Store store, long handle, long value, Expect expect) {
        if (expect == Expect.STALE) {
            assertThrows(StaleHandleException.class, () -> store.resolve(handle, 8));
            assertThrows(StaleHandleException.class, () -> store.deallocate(handle, 16, 8));
            assertThrows(StaleHandleException.class, () -> store.grow(handle, 16, 32, 8));
        } else {
            assertEquals(value, store.resolve(handle, 16).get(JAVA_LONG, 0));
        }
    }

    private static void checkPointer(MemorySegment pointer, long value, Expect expect) {
        if (expect == Expect.STALE) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> pointer.get(JAVA_LONG, 0));
            assertEquals("Already closed", e.getMessage());
            assertThrows(IllegalStateException.class, () -> pointer.set(JAVA_LONG, 0, 1));
        } else {
            assertEquals(value, pointer.get(JAVA_LONG, 0));
        }
    }
}
