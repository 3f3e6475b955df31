package dev.naslab.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JavaDeserializationFilterTest {

    /** A class that would run code while it is built; the filter must refuse it before. */
    static final class Gadget implements Serializable {
        static volatile boolean built;

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            built = true;
            in.defaultReadObject();
        }
    }

    static byte[] serialize(Object o) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(b)) {
            out.writeObject(o);
        }
        return b.toByteArray();
    }

    static Object read(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(JavaDeserializationFilter.instance());
            return in.readObject();
        }
    }

    /** The classic deserialization bomb: 100 levels of sets that share their children (2^100 hash calls to build). */
    static Set<Object> nestedSetBomb() {
        Set<Object> root = new HashSet<>();
        Set<Object> s1 = root;
        Set<Object> s2 = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            Set<Object> t1 = new HashSet<>();
            Set<Object> t2 = new HashSet<>();
            t1.add("x");
            s1.add(t1);
            s1.add(t2);
            s2.add(t1);
            s2.add(t2);
            s1 = t1;
            s2 = t2;
        }
        return root;
    }

    @Test
    void aClassOffTheAllowListIsRefusedBeforeItIsBuilt() throws Exception {
        long before = JavaDeserializationFilter.instance().refusedCount();
        assertThrows(InvalidClassException.class, () -> read(serialize(new Gadget())));
        assertFalse(Gadget.built, "readObject never ran");
        assertEquals(before + 1, JavaDeserializationFilter.instance().refusedCount());
    }

    @Test
    void theNestedSetBombIsRefusedAtOnce() throws Exception {
        byte[] bomb = serialize(nestedSetBomb());
        assertTrue(bomb.length < 10_000, "a small message: " + bomb.length);
        long t0 = System.nanoTime();
        assertThrows(InvalidClassException.class, () -> read(bomb));
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "refused at once");
    }

    @Test
    void deepNestingOfAllowedClassesIsBounded() throws Exception {
        RuntimeException chain = new RuntimeException("0");
        for (int i = 1; i < 200; i++) {
            chain = new RuntimeException(Integer.toString(i), chain);
        }
        byte[] deep = serialize(chain);
        InvalidClassException e = assertThrows(InvalidClassException.class, () -> read(deep));
        assertTrue(e.getMessage().contains("REJECTED"), e.getMessage());
    }

    @Test
    void theExceptionsHazelcastSendsBackStillPass() throws Exception {
        Exception e = new java.util.concurrent.ExecutionException(new com.hazelcast.core.HazelcastException("lost",
                new IllegalStateException("why")));
        Object back = read(serialize(e));
        assertEquals("lost", ((Exception) back).getCause().getMessage());
    }
}
