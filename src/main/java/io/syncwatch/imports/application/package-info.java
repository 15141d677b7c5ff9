/** The application layer of the imports module. */
@NullMarked
package io.syncwatch.imports.application;

import org.jspecify.annotations.NullMarked;
