package io.syncwatch.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.EnableScenarios;

/**
 * The one Spring test set-up that module, SQL, REST and browserless tests share (so the context
 * is built once per run): the whole application on the test database, MockMvc, Modulith
 * scenarios, fresh accounts and sign-in helpers, and a test source platform.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@EnableScenarios
@Import({ TestAccounts.class, SignedIn.class, TestPlatforms.class })
public @interface SyncwatchTest {
}
