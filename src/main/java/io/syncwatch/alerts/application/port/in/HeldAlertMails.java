package io.syncwatch.alerts.application.port.in;

/**
 * Alert mails held back by the hourly throttle: once an integration's window has ended, the owner
 * (or the admins) gets one mail summarising what was held, per integration and kind. Driven by a
 * schedule ({@code syncwatch.alerts.held-mail-interval}, default one minute).
 */
public interface HeldAlertMails {

    /** Sends the summaries that are due; returns how many summary mails went out. */
    int sendDueSummaries();
}
