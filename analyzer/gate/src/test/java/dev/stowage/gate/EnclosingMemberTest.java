package dev.stowage.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EnclosingMemberTest {

    static String at(String source, String marker) {
        return EnclosingMember.at(source, source.indexOf(marker));
    }

    @Test
    void namesTheClassAndTheMethodWithItsParameterTypes() {
        String source = """
                package a;
                /** docs { with a brace */
                public final class Inventory {
                    private final long[] slots = {1, 2};
                    @Override
                    public <T> void restock(final Store store, java.util.Map<String, Long> counts) throws java.io.IOException {
                        if (counts.isEmpty()) {
                            String s = "}{";
                            HERE();
                        }
                    }
                }
                """;
        assertEquals("class Inventory.method restock(Store,java.util.Map<String,Long>)", at(source, "HERE"));
    }

    @Test
    void lambdasBlocksAndControlFlowAddNothing() {
        String source = """
                class A {
                    void run() {
                        for (int i = 0; i < 3; i++) {
                            list.forEach(x -> {
                                try (Store s = new ArenaStore(); var t = new Other()) {
                                    synchronized (this) { HERE(); }
                                } finally { }
                            });
                        }
                    }
                }
                """;
        assertEquals("class A.method run()", at(source, "HERE"));
    }

    @Test
    void nestedAndAnonymousClassesAreNamed() {
        String source = """
                class Outer {
                    record Point(int x, int y) {
                        Point { INSIDE_POINT(); }
                    }
                    Runnable r = new Runnable() {
                        public void run() { HERE(); }
                    };
                }
                """;
        assertEquals("class Outer.new Runnable.method run()", at(source, "HERE"));
        assertEquals("class Outer.record Point", at(source, "INSIDE_POINT"));
    }

    @Test
    void aClosedMethodIsNoLongerEnclosing() {
        String source = """
                class A {
                    void first() { }
                    int field = 1; // HERE
                }
                """;
        assertEquals("class A", at(source, "HERE"));
    }
}
