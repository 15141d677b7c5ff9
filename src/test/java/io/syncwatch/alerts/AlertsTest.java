package io.syncwatch.alerts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;

/**
 * The alerts tests' single shared context: loopback webhook targets allowed, schedules off (the
 * tests dispatch by hand on a {@link io.syncwatch.testsupport.MovableClock}), SMTP pointed at the GreenMail test server.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(properties = { "syncwatch.alerts.allow-loopback=true", "syncwatch.alerts.scheduling.enabled=false",
        "spring.mail.host=127.0.0.1", "spring.mail.port=" + AlertsTest.SMTP_PORT })
@Import({ TestAccounts.class, SignedIn.class, AlertsTestConfiguration.class })
public @interface AlertsTest {

    int SMTP_PORT = 39_425;
}
