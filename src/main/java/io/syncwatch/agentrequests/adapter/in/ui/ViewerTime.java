package io.syncwatch.agentrequests.adapter.in.ui;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import io.syncwatch.platform.shell.DateTimes;

/**
 * The viewer's time zone and the console's one formatter in it and the viewer's locale, shared by
 * an API Status tab's filters (custom ranges are read in it), grid and export (times are shown in
 * it). UTC until the browser has said.
 */
final class ViewerTime {

    private ZoneId zone = ZoneOffset.UTC;
    private DateTimes times = new DateTimes(ZoneOffset.UTC, Locale.US);

    ZoneId zone() {
        return zone;
    }

    DateTimes times() {
        return times;
    }

    void set(ZoneId zone, Locale locale) {
        this.zone = zone;
        this.times = new DateTimes(zone, locale);
    }
}
