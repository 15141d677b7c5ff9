/**
 * Freshdesk connector (REST API v2): tickets listed by {@code updated_since} in update order,
 * single ticket by id, basic auth with an agent's API key. The worked example of
 * {@code architecture/connectors.md}.
 */
@SecondaryAdapter
@NullMarked
package io.syncwatch.imports.adapter.out.source.freshdesk;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
