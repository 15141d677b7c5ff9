/** Sign-in, error pages and the Account pages (users, API keys, feature flags). */
@PrimaryAdapter
@NullMarked
package io.syncwatch.platform.adapter.in.ui;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
