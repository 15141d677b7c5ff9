package io.syncwatch.alerts.application;

import io.syncwatch.alerts.domain.AlertsRefusal.InvalidAlertsInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.syncwatch.alerts.application.port.in.AlertOwners;
import io.syncwatch.alerts.application.port.in.WebhookNotFound;
import io.syncwatch.alerts.application.port.out.AlertRouting;
import io.syncwatch.alerts.application.port.out.AlertRouting.StoredOwners;
import io.syncwatch.alerts.application.port.out.DigestProjection;
import io.syncwatch.platform.AccountDirectory;
import io.syncwatch.platform.AccountDirectory.AccountUser;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.CurrentUser;

/** Per-integration alert owners of the caller's account, picked from its users. */
@Service
@Transactional
class AlertOwnersService implements AlertOwners {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;]+@[^@\\s,;]+\\.[^@\\s,;]+");
    /** The stored lists are VARCHAR(1000) each. */
    private static final int MAX_STORED = 1000;

    private final CurrentUser currentUser;
    private final AlertRouting routing;
    private final DigestProjection projection;
    private final AccountDirectory directory;

    AlertOwnersService(CurrentUser currentUser, AlertRouting routing, DigestProjection projection,
            AccountDirectory directory) {
        this.currentUser = currentUser;
        this.routing = routing;
        this.projection = projection;
        this.directory = directory;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Routing> routing() {
        AccountId account = currentUser.accountId();
        Map<Long, StoredOwners> owners = routing.owners(account);
        Map<String, AccountUser> users = byEmail(directory.usersOf(account));
        return projection.integrations(account).stream().filter(i -> i.state() != io.syncwatch.health.DetailedState.DELETED)
                .map(i -> new Routing(i.integrationId(), i.name(), i.platform(),
                classify(owners.getOrDefault(i.integrationId(), StoredOwners.NONE), users))).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Owner> selectableUsers() {
        return directory.usersOf(currentUser.accountId()).stream().filter(AccountUser::enabled)
                .map(u -> new Owner(u.email(), u.displayName(), Kind.USER)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Owner mailbox(String address) {
        return checkedMailbox(address, byEmail(directory.usersOf(currentUser.accountId())));
    }

    @Override
    public void setOwners(long integrationId, List<Owner> owners) {
        AccountId account = currentUser.accountId();
        projection.findIntegration(account, integrationId).orElseThrow(WebhookNotFound::new);
        Map<String, AccountUser> users = byEmail(directory.usersOf(account));
        Set<String> stored = new LinkedHashSet<>();
        routing.ownerOf(account, integrationId).ifPresent(o -> {
            o.users().forEach(e -> stored.add(normal(e)));
            o.mailboxes().forEach(e -> stored.add(normal(e)));
        });
        Set<String> userEntries = new LinkedHashSet<>();
        Set<String> mailboxes = new LinkedHashSet<>();
        for (Owner owner : owners) {
            String email = normal(owner.email());
            AccountUser user = users.get(email);
            if (user != null && user.enabled()) {
                userEntries.add(email);
            } else if (stored.contains(email)) {
                userEntries.add(email); // kept as it was: a disabled user or an address that is no user
            } else if (owner.kind() == Kind.MAILBOX) {
                mailboxes.add(checkedMailbox(email, users).email());
            } else if (user != null) {
                throw new InvalidAlertsInput("owners", email + " is a disabled user of this account");
            } else {
                throw new InvalidAlertsInput("owners", email + " is not a user of this account");
            }
        }
        if (String.join(", ", userEntries).length() > MAX_STORED || String.join(", ", mailboxes).length() > MAX_STORED) {
            throw new InvalidAlertsInput("owners", "Too many owners for one integration");
        }
        routing.setOwner(account, integrationId, new StoredOwners(List.copyOf(userEntries), List.copyOf(mailboxes)));
    }

    private static Owner checkedMailbox(String address, Map<String, AccountUser> users) {
        String email = normal(address == null ? "" : address);
        if (!EMAIL.matcher(email).matches() || email.length() > 254) {
            throw new InvalidAlertsInput("mailbox", "Not an e-mail address: " + email);
        }
        AccountUser user = users.get(email);
        if (user != null) {
            throw new InvalidAlertsInput("mailbox", user.enabled() ? email + " is a user of this account: pick them from the list"
                    : email + " is a disabled user of this account");
        }
        return new Owner(email, "", Kind.MAILBOX);
    }

    /**
     * The stored owners as the page shows them and as mail routing reads them: an address that is
     * a user's is that user (enabled or disabled), wherever it is stored; a stored mailbox that is
     * no user is a shared mailbox; any other stored address is not a user of this account.
     */
    static List<Owner> classify(StoredOwners stored, Map<String, AccountUser> users) {
        Map<String, Owner> owners = new LinkedHashMap<>();
        for (String entry : stored.users()) {
            String email = normal(entry);
            owners.putIfAbsent(email, asUserOr(email, users, Kind.NOT_A_USER));
        }
        for (String entry : stored.mailboxes()) {
            String email = normal(entry);
            owners.putIfAbsent(email, asUserOr(email, users, Kind.MAILBOX));
        }
        return new ArrayList<>(owners.values());
    }

    private static Owner asUserOr(String email, Map<String, AccountUser> users, Kind otherwise) {
        AccountUser user = users.get(email);
        return user == null ? new Owner(email, "", otherwise)
                : new Owner(email, user.displayName(), user.enabled() ? Kind.USER : Kind.DISABLED_USER);
    }

    static Map<String, AccountUser> byEmail(List<AccountUser> users) {
        Map<String, AccountUser> map = new LinkedHashMap<>();
        users.forEach(u -> map.put(normal(u.email()), u));
        return map;
    }

    private static String normal(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
