package io.syncwatch.alerts.adapter.out.mail;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import io.syncwatch.alerts.application.AlertsProperties;
import io.syncwatch.alerts.application.port.out.AlertMail;

/** Alert mails through Spring's JavaMailSender, present only when {@code spring.mail.host} is set. */
@Component
class SpringAlertMail implements AlertMail {

    private static final Logger log = LoggerFactory.getLogger(SpringAlertMail.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    SpringAlertMail(ObjectProvider<JavaMailSender> sender, AlertsProperties properties) {
        this.sender = sender;
        this.from = properties.mailFrom();
    }

    @Override
    public boolean enabled() {
        return sender.getIfAvailable() != null;
    }

    @Override
    public boolean send(List<String> to, String subject, String text) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null || to.isEmpty()) {
            return false;
        }
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.toArray(String[]::new));
        message.setSubject(subject);
        message.setText(text);
        try {
            mail.send(message);
            return true;
        } catch (MailException e) {
            log.warn("Alert mail '{}' not sent: {}", subject, e.getMessage());
            return false;
        }
    }
}
