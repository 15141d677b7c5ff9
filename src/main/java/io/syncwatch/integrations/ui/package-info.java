/**
 * Screens of the integrations module that other modules' screens may embed: the filters editor
 * and the dialog that edits and saves an integration's filters ({@link io.syncwatch.integrations.ui.FilterEditing}),
 * so that filters are edited in one place however many screens offer it; and the integration page's
 * contribution point ({@link io.syncwatch.integrations.ui.IntegrationPageSection}): the page is this
 * module's, the blocks other modules add to it (health's status area, imports' run and history
 * block) are UI of theirs, so this contract lives with the module's UI, not in its data API.
 */
@NamedInterface("ui")
@PrimaryAdapter
@NullMarked
package io.syncwatch.integrations.ui;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
