/** Security: session sign-in for the console, account API keys for the REST API. */
@PrimaryAdapter
@NullMarked
package io.syncwatch.platform.adapter.in.web;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
