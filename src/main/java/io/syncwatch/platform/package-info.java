/**
 * The shared kernel: accounts (tenants), users, permissions, feature flags, security and the
 * application shell. Every other module may use its root package (tenancy and permission
 * types, {@link io.syncwatch.platform.CurrentUser}) and its {@code shell} named interface.
 */
@ApplicationModule(displayName = "Platform (accounts, security, shell)")
@NullMarked
package io.syncwatch.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
