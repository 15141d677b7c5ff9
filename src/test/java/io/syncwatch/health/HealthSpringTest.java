package io.syncwatch.health;

import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import com.vaadin.browserless.SpringBrowserlessTest;

import io.syncwatch.imports.ImportOperations;
import io.syncwatch.integrations.IntegrationOperations;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;

/**
 * The one Spring context of the health module's tests (module tests and browserless view
 * tests share it): the whole app, the other modules' facades spied on (real beans, calls verifiable).
 */
@SpringBootTest
@EnableScenarios
@Import({ TestAccounts.class, SignedIn.class })
@MockitoSpyBean(types = { IntegrationOperations.class, ImportOperations.class })
public abstract class HealthSpringTest extends SpringBrowserlessTest {

    /** Integration ids are global: each test takes fresh ones. */
    protected static long freshIntegrationId() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 1L << 52);
    }
}
