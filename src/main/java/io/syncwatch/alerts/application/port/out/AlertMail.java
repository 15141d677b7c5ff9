package io.syncwatch.alerts.application.port.out;

import java.util.List;

/** Sends plain-text alert mails; off (returns false) unless SMTP is configured. */
public interface AlertMail {

    boolean enabled();

    boolean send(List<String> to, String subject, String text);
}
