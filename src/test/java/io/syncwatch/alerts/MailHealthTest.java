package io.syncwatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.contributor.Status;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Issue 22.7: an SMTP outage shows as a warning on the {@code mail} component and never turns
 * {@code /actuator/health} DOWN (a load balancer checking it would take every instance out).
 */
@AlertsTest
class MailHealthTest {

    @Autowired
    HealthEndpoint health;
    @Autowired
    HttpCodeStatusMapper httpCodes;
    @Autowired
    JavaMailSenderImpl mailSender;

    int configuredPort;

    @BeforeEach
    void rememberPort() {
        configuredPort = mailSender.getPort();
    }

    @AfterEach
    void restorePort() {
        mailSender.setPort(configuredPort);
    }

    @Test
    void smtpDownIsAWarningAndTheAggregateStaysUp() throws IOException {
        mailSender.setPort(closedPort());

        assertThat(health.healthForPath("mail").getStatus().getCode()).isEqualTo("WARNING");
        Status aggregate = health.health().getStatus();
        assertThat(aggregate).isEqualTo(Status.UP);
        assertThat(httpCodes.getStatusCode(aggregate)).isEqualTo(200);
    }

    @Test
    void smtpUpIsUp() {
        var smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        try {
            mailSender.setPort(smtp.getSmtp().getPort());
            assertThat(health.healthForPath("mail").getStatus()).isEqualTo(Status.UP);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        } finally {
            smtp.stop();
        }
    }

    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
