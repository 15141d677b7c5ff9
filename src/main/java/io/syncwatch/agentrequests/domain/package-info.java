/** The domain layer of the agentrequests module. */
@NullMarked
package io.syncwatch.agentrequests.domain;

import org.jspecify.annotations.NullMarked;
