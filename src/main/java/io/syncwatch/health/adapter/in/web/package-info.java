/** The integration states REST API. */
@PrimaryAdapter
@NullMarked
package io.syncwatch.health.adapter.in.web;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
