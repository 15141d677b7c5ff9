/** Sends alert and digest e-mails through Spring's JavaMailSender when SMTP is configured. */
@SecondaryAdapter
@NullMarked
package io.syncwatch.alerts.adapter.out.mail;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
