/** The application layer of the agentrequests module. */
@NullMarked
package io.syncwatch.agentrequests.application;

import org.jspecify.annotations.NullMarked;
