/**
 * The application shell every module's views sit in: the main layout with the product's
 * navigation, and small shared UI pieces (page header, section tabs, empty states).
 */
@NamedInterface("shell")
@PrimaryAdapter
@NullMarked
package io.syncwatch.platform.shell;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
