package org.pilotage.analytics.store;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The off-heap memory Arrow may use in this process: one root allocator with a limit, and a child per
 * use (reading an uploaded file, writing an export), each with its own limit and closed by its user.
 */
public final class ArrowMemory {

    private static final BufferAllocator ROOT = new RootAllocator(1024L * 1024 * 1024);

    private ArrowMemory() {
    }

    public static BufferAllocator child(String name, long limit) {
        return ROOT.newChildAllocator(name, 0, limit);
    }
}
