/** The domain layer of the integrations module. */
@NullMarked
package io.syncwatch.integrations.domain;

import org.jspecify.annotations.NullMarked;
