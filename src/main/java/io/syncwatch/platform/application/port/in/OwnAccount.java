package io.syncwatch.platform.application.port.in;

import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.UserId;

/** What every signed-in user may do to their own account. */
public interface OwnAccount {

    /**
     * Changes the caller's password after checking the current one, which counts towards sign-in
     * throttling like a password typed into the login form (from {@code clientAddress}); the new
     * one must follow the password rules. Throws {@link io.syncwatch.platform.PlatformRefusal.InvalidAccountInput} with a message
     * for the user.
     */
    void changePassword(AccountId account, UserId user, String currentPassword, String newPassword, String clientAddress);
}
