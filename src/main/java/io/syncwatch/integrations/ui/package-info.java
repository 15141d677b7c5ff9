/**
 * Screens of the integrations module that other modules' screens may embed: the filters editor
 * and the dialog that edits and saves an integration's filters ({@link io.syncwatch.integrations.ui.FilterEditing}),
 * so that filters are edited in one place however many screens offer it.
 */
@NamedInterface("ui")
@PrimaryAdapter
@NullMarked
package io.syncwatch.integrations.ui;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
