package io.syncwatch.platform.application;

import io.syncwatch.platform.PlatformRefusal.InvalidAccountInput;
import io.syncwatch.platform.PlatformRefusal.UserNotFound;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.syncwatch.platform.AccountDirectory;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.FeatureFlag;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.UserId;
import io.syncwatch.platform.application.port.in.AccountAdministration;
import io.syncwatch.platform.application.port.in.Onboarding;
import io.syncwatch.platform.application.port.in.OwnAccount;
import io.syncwatch.platform.application.port.in.SignIn;
import io.syncwatch.platform.application.port.in.SignInThrottling.PasswordCheck;
import io.syncwatch.platform.application.port.in.SignInThrottling;
import io.syncwatch.platform.application.port.out.Accounts;
import io.syncwatch.platform.application.port.out.ApiKeys;
import io.syncwatch.platform.application.port.out.Users;
import io.syncwatch.platform.domain.Account;
import io.syncwatch.platform.domain.ApiKey;
import io.syncwatch.platform.domain.ApiKeySecret;
import io.syncwatch.platform.domain.PasswordRules;
import io.syncwatch.platform.domain.SupportStaff;
import io.syncwatch.platform.domain.User;

@Service
@Transactional
class AccountManagement implements AccountAdministration, Onboarding, SignIn, AccountDirectory, OwnAccount {

    private static final Logger log = LoggerFactory.getLogger(AccountManagement.class);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final Accounts accounts;
    private final Users users;
    private final ApiKeys apiKeys;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final SupportStaff supportStaff;
    private final PasswordRules passwordRules;
    private final SignInThrottling throttling;

    AccountManagement(Accounts accounts, Users users, ApiKeys apiKeys, PasswordEncoder passwordEncoder, Clock clock,
            PlatformProperties properties, PasswordRules passwordRules, SignInThrottling throttling) {
        this.passwordRules = passwordRules;
        this.throttling = throttling;
        this.supportStaff = SupportStaff.parse(properties.support().users());
        this.accounts = accounts;
        this.users = users;
        this.apiKeys = apiKeys;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    // --- Onboarding

    @Override
    public Account createAccount(String name, Set<FeatureFlag> flags) {
        return accounts.create(Account.unsaved(name, flags, clock.instant()));
    }

    @Override
    public User createUser(AccountId account, String email, String displayName, String password, Set<Permission> permissions) {
        return newUser(account, new NewUser(email, displayName, password, permissions));
    }

    @Override
    public void registerApiKey(AccountId account, String name, String clearValue) {
        ApiKeySecret secret = new ApiKeySecret(clearValue);
        if (apiKeys.findByHash(secret.hash()).isEmpty()) {
            apiKeys.save(new ApiKey(null, account, name, secret.displayPrefix(), secret.hash(), clock.instant(), null, null));
        }
    }

    // --- Administration

    @Override
    @Transactional(readOnly = true)
    public Account account(AccountId account) {
        return accounts.find(account).orElseThrow();
    }

    @Override
    public Account changeFlags(AccountId account, Set<FeatureFlag> flags) {
        Account changed = accounts.save(account(account).withFlags(flags));
        log.info("Feature flags of account {} set to {}", account, flags);
        return changed;
    }

    @Override
    @Transactional(readOnly = true)
    public List<User> users(AccountId account) {
        return users.findByAccount(account);
    }

    /**
     * An account admin adds a user. Addresses of Syncwatch's support staff are refused: whoever
     * signs in with one gets the support authority (decision 0008); support users are created by
     * onboarding ({@link #createUser}) only.
     */
    @Override
    public User addUser(AccountId account, NewUser command) {
        if (command.email() != null && supportStaff.includes(command.email())) {
            log.warn("Account {} tried to add a user with a Syncwatch support address", account);
            throw new InvalidAccountInput("email", "This e-mail address is reserved for Syncwatch support staff");
        }
        return newUser(account, command);
    }

    private User newUser(AccountId account, NewUser command) {
        String email = command.email() == null ? "" : command.email().trim().toLowerCase();
        if (!EMAIL.matcher(email).matches() || email.length() > 254) {
            throw new InvalidAccountInput("email", "Enter a valid e-mail address");
        }
        if (command.displayName() == null || command.displayName().isBlank() || command.displayName().length() > 120) {
            throw new InvalidAccountInput("name", "Name must be 1 to 120 characters");
        }
        passwordRules.check(command.password(), email);
        if (users.findByEmail(email).isPresent()) {
            throw new InvalidAccountInput("email", "A user with this e-mail address already exists");
        }
        return users.save(User.create(account, email, command.displayName().trim(),
                passwordEncoder.encode(command.password()), command.permissions()));
    }

    @Override
    public User changePermissions(AccountId account, UserId user, Set<Permission> permissions) {
        return users.save(users.find(account, user).orElseThrow().withPermissions(permissions));
    }

    @Override
    public User setEnabled(AccountId account, UserId user, boolean enabled) {
        return users.save(users.find(account, user).orElseThrow().withEnabled(enabled));
    }

    @Override
    public User resetPassword(AccountId account, UserId user, String newPassword) {
        User target = users.find(account, user).orElseThrow(UserNotFound::new);
        passwordRules.check(newPassword, target.email());
        User saved = users.save(target.withPasswordHash(passwordEncoder.encode(newPassword)).withSessionsRevoked(clock.instant()));
        log.info("Password of user {} reset by an account admin of account {}; the user's sessions are signed out", user, account);
        return saved;
    }

    @Override
    public User signOutEverywhere(AccountId account, UserId user) {
        User target = users.find(account, user).orElseThrow(UserNotFound::new);
        User saved = users.save(target.withSessionsRevoked(clock.instant()));
        log.info("Every session of user {} signed out by an account admin of account {}", user, account);
        return saved;
    }

    // --- Own account

    @Override
    public void changePassword(AccountId account, UserId user, String currentPassword, String newPassword,
            String clientAddress) {
        User me = users.find(account, user).orElseThrow(UserNotFound::new);
        // the current password is guessed here as on the login form: same budgets, same lock
        switch (throttling.checkPassword(me.email(), clientAddress,
                () -> currentPassword != null && passwordEncoder.matches(currentPassword, me.passwordHash()))) {
            case PasswordCheck.Refused refused -> throw new InvalidAccountInput("currentPassword",
                    "The current password was wrong too often: try again in "
                            + Math.max(1, (refused.retryAfter().toSeconds() + 59) / 60) + " min");
            case PasswordCheck.Wrong wrong -> throw new InvalidAccountInput("currentPassword", "The current password is not right");
            case PasswordCheck.Right right -> {
            }
        }
        if (currentPassword.equals(newPassword)) {
            throw new InvalidAccountInput("password", "The new password must differ from the current one");
        }
        passwordRules.check(newPassword, me.email());
        users.save(me.withPasswordHash(passwordEncoder.encode(newPassword)));
        log.info("User {} changed their password", user);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ApiKey> apiKeys(AccountId account) {
        return apiKeys.findKeysByAccount(account);
    }

    @Override
    public CreatedApiKey createApiKey(AccountId account, String name) {
        if (name == null || name.isBlank() || name.length() > 80) {
            throw new InvalidAccountInput("name", "Key name must be 1 to 80 characters");
        }
        ApiKeySecret secret = ApiKeySecret.generate();
        ApiKey key = apiKeys.save(new ApiKey(null, account, name.trim(), secret.displayPrefix(), secret.hash(),
                clock.instant(), null, null));
        return new CreatedApiKey(key, secret.value());
    }

    @Override
    public void revokeApiKey(AccountId account, long keyId) {
        apiKeys.find(account, keyId).ifPresent(key -> apiKeys.save(key.revoke(clock.instant())));
    }

    // --- Sign-in

    @Override
    @Transactional(readOnly = true)
    public Optional<SignInCandidate> candidate(String email) {
        return users.findByEmail(email.trim().toLowerCase()).flatMap(user -> accounts.find(user.accountId())
                .map(account -> new SignInCandidate(user, user.effectivePermissions(account.flags()))));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean sessionValid(UserId user, Instant signedInAt) {
        return users.find(user).filter(User::enabled).map(u -> u.sessionValid(signedInAt)).orElse(false);
    }

    @Override
    public Optional<ApiKey> authenticateApiKey(String clearValue) {
        return apiKeys.findByHash(ApiKeySecret.sha256(clearValue)).filter(ApiKey::isActive)
                .map(key -> apiKeys.save(new ApiKey(key.id(), key.accountId(), key.name(), key.prefix(), key.hash(),
                        key.createdAt(), null, clock.instant())));
    }

    // --- Directory (public API)

    @Override
    @Transactional(readOnly = true)
    public Optional<AccountId> findAccountByName(String name) {
        return accounts.findByName(name).map(Account::id);
    }

    /**
     * One read of one column, joining a caller's transaction if there is one but opening none (a
     * read-only transaction costs four more round trips to the server than the query itself: the
     * Requests API asks on every cache miss of its feature check).
     */
    @Override
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS, readOnly = true)
    public Set<FeatureFlag> flagsOf(AccountId account) {
        return accounts.flagsOf(account);
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> emailsOfUsersWith(AccountId account, Permission permission) {
        return users.findByAccount(account).stream().filter(User::enabled)
                .filter(u -> u.permissions().contains(permission)).map(User::email).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<AccountUser> usersOf(AccountId account) {
        return users.findByAccount(account).stream()
                .map(u -> new AccountUser(u.email(), u.displayName(), u.enabled()))
                .sorted(Comparator.comparing(AccountUser::displayName, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(AccountUser::email))
                .toList();
    }
}
