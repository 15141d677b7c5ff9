package io.syncwatch.alerts.adapter.out.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import io.syncwatch.alerts.application.AlertsProperties;

/**
 * An SMTP server that accepts the connection and never answers must not hold an alert listener past
 * the event registry's resubmission age (1 min), or the event would be handed to the listener again
 * while it still runs: the app's own mail settings (application.properties) give up within seconds,
 * and the mail is reported as not sent.
 */
class HangingMailServerTest {

    @Test
    void aServerThatNeverAnswersIsGivenUpWithinTheAppsMailTimeouts() throws Exception {
        Properties app = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            app.load(in);
        }
        Properties javaMail = new Properties();
        String prefix = "spring.mail.properties.";
        app.stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
                .forEach(k -> javaMail.setProperty(k.substring(prefix.length()), app.getProperty(k)));
        assertThat(javaMail).containsKeys("mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout");

        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread.ofVirtual().start(() -> {
                try {
                    while (!silent.isClosed()) {
                        accepted.add(silent.accept()); // never greets, never reads
                    }
                } catch (java.io.IOException closed) {
                    // the server socket is closed at the end of the test
                }
            });
            var sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(silent.getLocalPort());
            sender.setJavaMailProperties(javaMail);
            var beans = new StaticListableBeanFactory();
            beans.addBean("mailSender", sender);
            var mail = new SpringAlertMail(beans.getBeanProvider(JavaMailSender.class), properties());

            long start = System.nanoTime();
            boolean sent = mail.send(List.of("owner@acme.test"), "[Syncwatch] Billing CRM: Sync failing", "text");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(sent).as("a mail the server never took is reported as not sent").isFalse();
            assertThat(accepted).as("the server accepted the connection").isNotEmpty();
            assertThat(took).as("given up well before the 1 min resubmission age").isLessThan(Duration.ofSeconds(30));
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    private static AlertsProperties properties() {
        return new Binder(new MapConfigurationPropertySource(Map.of("syncwatch.alerts.mail-from", "alerts@syncwatch.test")))
                .bindOrCreate("syncwatch.alerts", AlertsProperties.class);
    }
}
