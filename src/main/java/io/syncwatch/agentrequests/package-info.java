/**
 * Agent requests: the Agent Connect Requests API, the company settings it validates against
 * and the API Status page (Invalid Requests and Test Requests tabs).
 */
@ApplicationModule(displayName = "Agent requests", allowedDependencies = { "platform", "platform::shell", "platform::scheduling", "platform::database", "platform::demo" })
@NullMarked
package io.syncwatch.agentrequests;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
