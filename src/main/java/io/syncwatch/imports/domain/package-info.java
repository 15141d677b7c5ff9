/** The domain layer of the imports module. */
@NullMarked
package io.syncwatch.imports.domain;

import org.jspecify.annotations.NullMarked;
