/** The domain layer of the health module. */
@NullMarked
package io.syncwatch.health.domain;

import org.jspecify.annotations.NullMarked;
