package org.pilotage.analytics.text;

import java.time.ZoneId;

/**
 * The network's time: a day, an hour or a date printed is Québec's, whatever the server's zone (a UTC server is a day
 * ahead every evening after 19:00). The service's clock is in this zone; so are its printed times and its SQL dates.
 */
public final class NetworkTime {

    public static final ZoneId ZONE = ZoneId.of("America/Montreal");

    private NetworkTime() {
    }
}
