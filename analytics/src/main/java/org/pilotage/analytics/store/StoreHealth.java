package org.pilotage.analytics.store;

/**
 * Whether the store serves and can write, and if not, why.
 *
 * @param detail for the service's operators (the log, admins' health details); never a user's sentence
 */
public record StoreHealth(boolean up, Cause cause, String detail) {

    public enum Cause { STORE_FAILED, DISK_FULL }

    public static final StoreHealth UP = new StoreHealth(true, null, null);

    static StoreHealth down(Cause cause, String detail) {
        return new StoreHealth(false, cause, detail);
    }
}
