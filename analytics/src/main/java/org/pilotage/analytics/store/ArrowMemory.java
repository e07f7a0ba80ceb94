package org.pilotage.analytics.store;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The off-heap memory Arrow may use in this process: one root allocator with a limit, and a child per
 * use (reading an uploaded file, writing an export), each with its own limit and closed by its user.
 */
public final class ArrowMemory {

    private static final BufferAllocator ROOT = new RootAllocator(1024L * 1024 * 1024);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ArrowMemory.class);

    private ArrowMemory() {
    }

    public static BufferAllocator child(String name, long limit) {
        return ROOT.newChildAllocator(name, 0, limit);
    }

    /**
     * Closes an allocator whose user may have failed half-way: Arrow's readers can keep a buffer of a damaged
     * file they gave up on. That memory is counted against this process's Arrow memory, and said in the log;
     * the failure that caused it is the one that matters.
     */
    public static void release(BufferAllocator allocator) {
        try {
            allocator.close();
        } catch (IllegalStateException e) {
            log.info("Arrow memory not returned by '{}': {} bytes", allocator.getName(), allocator.getAllocatedMemory());
        }
    }

    /** An allocator for try-with-resources that is {@linkplain #release released}. */
    public static Scope scope(String name, long limit) {
        return new Scope(child(name, limit));
    }

    public record Scope(BufferAllocator allocator) implements AutoCloseable {
        @Override
        public void close() {
            release(allocator);
        }
    }
}
