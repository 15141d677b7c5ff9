/** Intercom connector: conversations search on updated_at, single conversation, regional base URLs. */
@SecondaryAdapter
@NullMarked
package io.syncwatch.imports.adapter.out.source.intercom;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
