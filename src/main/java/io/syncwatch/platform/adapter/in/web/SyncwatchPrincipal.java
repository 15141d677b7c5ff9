package io.syncwatch.platform.adapter.in.web;

import java.io.Serial;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.CurrentUser;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.UserId;

/**
 * A signed-in console user with the permissions effective for their account and, for Syncwatch's
 * own support staff ({@code syncwatch.support.users}), the support authority (decision 0008).
 */
record SyncwatchPrincipal(AccountId accountId, @Nullable UserId userId, String email, String displayName,
        @Nullable String password, Set<Permission> permissions, boolean enabled, Instant signedInAt,
        boolean syncwatchSupport) implements UserDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        var authorities = new ArrayList<GrantedAuthority>();
        permissions.forEach(p -> authorities.add(new SimpleGrantedAuthority(p.authority())));
        if (syncwatchSupport) {
            authorities.add(new SimpleGrantedAuthority(CurrentUser.SYNCWATCH_SUPPORT_AUTHORITY));
        }
        return authorities;
    }

    @Override
    public @Nullable String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** The principal kept in the session, without the password hash. */
    SyncwatchPrincipal withoutPassword() {
        return new SyncwatchPrincipal(accountId, userId, email, displayName, null, permissions, enabled, signedInAt,
                syncwatchSupport);
    }

    @Override
    public String toString() {
        return "SyncwatchPrincipal[" + email + "]";
    }
}
