/** AES-GCM encryption of source credentials under the configured secret key. */
@SecondaryAdapter
@NullMarked
package io.syncwatch.integrations.adapter.out.crypto;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
