/** The integrations REST API ({@code /api/v1/integrations}), authenticated by account API keys. */
@PrimaryAdapter
@NullMarked
package io.syncwatch.integrations.adapter.in.web;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
