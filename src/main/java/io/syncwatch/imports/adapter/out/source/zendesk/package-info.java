/**
 * Zendesk Support connector: cursor-based incremental ticket export, single ticket by id,
 * basic auth with an API token.
 */
@SecondaryAdapter
@NullMarked
package io.syncwatch.imports.adapter.out.source.zendesk;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
