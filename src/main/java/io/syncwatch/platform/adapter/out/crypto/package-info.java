/** Where the application's secret key is kept (environment or a local key file). */
@SecondaryAdapter
@NullMarked
package io.syncwatch.platform.adapter.out.crypto;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
