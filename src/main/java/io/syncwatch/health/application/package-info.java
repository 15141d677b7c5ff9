/** The application layer of the health module. */
@NullMarked
package io.syncwatch.health.application;

import org.jspecify.annotations.NullMarked;
