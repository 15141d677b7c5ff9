package io.syncwatch.platform.application;

import io.syncwatch.platform.PlatformRefusal.InvalidAccountInput;
import io.syncwatch.platform.PlatformRefusal.SetupLinkRefused;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.syncwatch.platform.FeatureFlag;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.application.port.in.FirstAdmin;
import io.syncwatch.platform.application.port.out.Accounts;
import io.syncwatch.platform.application.port.out.SetupLinks;
import io.syncwatch.platform.application.port.out.Users;
import io.syncwatch.platform.domain.Account;
import io.syncwatch.platform.domain.PasswordRules;
import io.syncwatch.platform.domain.SetupLink;
import io.syncwatch.platform.domain.User;

/**
 * Creates the first account and admin on an empty database, and lets that admin set a password
 * through a one-time link (stored as a hash, valid 24 hours, single use). The admin is created
 * with a random password nobody knows, so there is no way in but the link.
 */
@Service
@Transactional
class FirstAdminSetup implements FirstAdmin {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminSetup.class);
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final Accounts accounts;
    private final Users users;
    private final SetupLinks links;
    private final PasswordEncoder passwords;
    private final PasswordRules rules;
    private final Clock clock;
    private final String baseUrl;

    FirstAdminSetup(Accounts accounts, Users users, SetupLinks links, PasswordEncoder passwords, PasswordRules rules,
            Clock clock, PlatformProperties properties) {
        String baseUrl = properties.baseUrl();
        this.accounts = accounts;
        this.users = users;
        this.links = links;
        this.passwords = passwords;
        this.rules = rules;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean needed() {
        return users.count() == 0;
    }

    @Override
    public Outcome bootstrap(String email, String accountName) {
        String address = email == null ? "" : email.trim().toLowerCase();
        if (!EMAIL.matcher(address).matches() || address.length() > 254) {
            throw new InvalidAccountInput("email", "Not an e-mail address: '" + email + "'");
        }
        String name = accountName == null || accountName.isBlank() ? "Syncwatch" : accountName.trim();
        if (name.length() > 120) {
            throw new InvalidAccountInput("accountName", "The account name must be at most 120 characters");
        }
        if (users.count() > 0) {
            var existing = users.findByEmail(address);
            if (existing.isPresent() && !links.anyUsed(existing.get().id()) && hasAllPermissions(existing.get())) {
                Instant now = clock.instant();
                links.expireUnused(existing.get().id(), now);
                String link = newLink(existing.get(), now);
                log.info("New set-password link for the first admin {}; earlier unused links no longer work", address);
                return new Outcome.LinkReissued(address, link, now.plus(SetupLink.VALIDITY));
            }
            return new Outcome.NothingToDo("Users exist already (the first admin was created before): nothing changed. "
                    + "An account admin adds users on Account › Users.");
        }
        Instant now = clock.instant();
        Account account = accounts.findByName(name)
                .orElseGet(() -> accounts.create(Account.unsaved(name, EnumSet.allOf(FeatureFlag.class), now)));
        User admin = users.save(User.create(account.id(), address, "Administrator",
                passwords.encode(SetupLink.newToken()), EnumSet.allOf(Permission.class)));
        String link = newLink(admin, now);
        log.info("First admin {} created in the new account '{}'", address, name);
        return new Outcome.Created(address, name, link, now.plus(SetupLink.VALIDITY));
    }

    private static boolean hasAllPermissions(User user) {
        return user.permissions().containsAll(EnumSet.allOf(Permission.class));
    }

    private String newLink(User user, Instant now) {
        String token = SetupLink.newToken();
        links.add(user.id(), SetupLink.hash(token), now, now.plus(SetupLink.VALIDITY));
        return baseUrl + "/set-password/" + token;
    }

    @Override
    @Transactional(readOnly = true)
    public LinkState inspect(String token) {
        var link = token == null ? java.util.Optional.<SetupLink>empty() : links.findByHash(SetupLink.hash(token));
        if (link.isEmpty()) {
            return new LinkState.Unknown();
        }
        return switch (link.get().state(clock.instant())) {
            case USED -> new LinkState.Used();
            case EXPIRED -> new LinkState.Expired();
            case VALID -> users.find(link.get().user()).<LinkState>map(u -> new LinkState.Valid(u.email()))
                    .orElseGet(LinkState.Unknown::new);
        };
    }

    @Override
    public String setPassword(String token, String password) {
        SetupLink link = links.findByHash(SetupLink.hash(token == null ? "" : token))
                .orElseThrow(() -> new SetupLinkRefused("This link is not valid."));
        Instant now = clock.instant();
        switch (link.state(now)) {
            case USED -> throw new SetupLinkRefused("This link has already been used.");
            case EXPIRED -> throw new SetupLinkRefused("This link has expired.");
            case VALID -> {
            }
        }
        User user = users.find(link.user()).orElseThrow(() -> new SetupLinkRefused("This link is not valid."));
        rules.check(password, user.email());
        if (!links.markUsed(link.id(), now)) {
            throw new SetupLinkRefused("This link has already been used.");
        }
        users.save(user.withPasswordHash(passwords.encode(password)));
        log.info("User {} set their password through a one-time link", user.id());
        return user.email();
    }
}
