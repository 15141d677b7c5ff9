/**
 * The database seen from any module's adapters and services: which failures are passing ones
 * (worth trying again once the database is back) and which are not (decision 0013). A named
 * interface of its own, apart from the kernel's root API, so that the root stays free of JDBC types.
 */
@NamedInterface("database")
@NullMarked
package io.syncwatch.platform.database;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
