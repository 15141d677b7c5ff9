/** The Agent Connect Requests API and its request-log endpoint; authenticates its own ac_ keys. */
@PrimaryAdapter
@NullMarked
package io.syncwatch.agentrequests.adapter.in.web;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
