package io.syncwatch.imports;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;

/** The one Spring test configuration of the imports tests (shared context, real database). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = { "syncwatch.imports.page-size=10", "syncwatch.imports.retry.backoff=0s",
        "syncwatch.imports.scheduler.enabled=false" })
@Import({ TestAccounts.class, SignedIn.class, ImportsFixtures.class })
public @interface ImportsTest {
}
