/** The application layer of the integrations module. */
@NullMarked
package io.syncwatch.integrations.application;

import org.jspecify.annotations.NullMarked;
