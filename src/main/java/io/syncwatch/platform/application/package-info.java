/** The platform's use cases. */
@NullMarked
package io.syncwatch.platform.application;

import org.jspecify.annotations.NullMarked;
