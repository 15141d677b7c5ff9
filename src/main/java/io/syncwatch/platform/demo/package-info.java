/**
 * Demo seeding (the {@code demo} profile): the names of the accounts the platform's demo data
 * creates, into which the other modules' demo seeders put theirs. Not part of the kernel's API:
 * only demo seeders ({@code adapter.in.demo}) use it.
 */
@NamedInterface("demo")
@NullMarked
package io.syncwatch.platform.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
