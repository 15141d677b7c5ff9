/** Accounts, users and API keys as plain Java. */
@NullMarked
package io.syncwatch.platform.domain;

import org.jspecify.annotations.NullMarked;
