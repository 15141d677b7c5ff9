package io.syncwatch.integrations.adapter.in.demo;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

import io.syncwatch.integrations.Environment;
import io.syncwatch.integrations.FilterCondition;
import io.syncwatch.integrations.FilterField;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.integrations.Schedule;
import io.syncwatch.integrations.application.port.in.IntegrationManagement;
import io.syncwatch.integrations.application.port.in.IntegrationManagement.ConnectCommand;

/**
 * Demo integrations on the Demo platform, one per behaviour, so that every state of the
 * Platforms tab appears with real runs behind it (the imports module's demo data runs them).
 * Created through the same use cases as the UI, signed in as the demo admins. Idempotent per
 * integration (issue 22.3): what exists is kept, what is missing (or left in setup by an
 * interrupted start) is completed, so no start leaves the demo half-seeded.
 */
@Component
@Profile("demo")
@Order(10)
class IntegrationsDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IntegrationsDemoData.class);

    static final String OLD_TRIAL = "Old trial account";

    private final IntegrationManagement integrations;
    private final UserDetailsService users;
    /** Names connected / configured by this start (the runner runs once per start). */
    private final Set<String> created = new LinkedHashSet<>();
    private final Set<String> configured = new HashSet<>();

    IntegrationsDemoData(IntegrationManagement integrations, UserDetailsService users) {
        this.integrations = integrations;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        actAs("admin@acme.test");
        try {
            LocalDate start = LocalDate.now().minusDays(20);
            var closed = Set.of("closed", "solved");
            active("Support inbox (EU)", "healthy", Schedule.HOURLY, Environment.PRODUCTION,
                    new ImportFilters(List.of(), start, closed));
            active("Live chat", "rate-limited", Schedule.EVERY_15_MINUTES, Environment.PRODUCTION,
                    new ImportFilters(List.of(new FilterCondition(FilterField.CHANNEL, null, "chat")), start, closed));
            active("Legacy helpdesk", "auth-failing", Schedule.HOURLY, Environment.PRODUCTION,
                    new ImportFilters(List.of(), start, closed));
            active("Billing CRM", "permission-denied", Schedule.EVERY_6_HOURS, Environment.PRODUCTION,
                    new ImportFilters(List.of(new FilterCondition(FilterField.TAG, null, "billing")), start, closed));
            active("Contact centre calls", "unreachable", Schedule.HOURLY, Environment.PRODUCTION,
                    new ImportFilters(List.of(new FilterCondition(FilterField.CHANNEL, null, "voice")), start, closed));
            active("Partner tickets", "malformed", Schedule.DAILY, Environment.PRODUCTION,
                    new ImportFilters(List.of(new FilterCondition(FilterField.CUSTOM_FIELD, "region", "EU")), start, closed));
            active("Quiet mailbox", "quiet", Schedule.DAILY, Environment.PRODUCTION,
                    new ImportFilters(List.of(), start, closed));
            active("Sandbox (development)", "healthy", Schedule.EVERY_6_HOURS, Environment.DEVELOPMENT,
                    new ImportFilters(List.of(), start, closed));
            connect("New helpdesk", "healthy", Schedule.HOURLY, Environment.PRODUCTION);
            IntegrationSnapshot seasonal = active("Seasonal campaign", "healthy", Schedule.DAILY, Environment.PRODUCTION,
                    new ImportFilters(List.of(new FilterCondition(FilterField.AGENT, null, "Chen Wei")), start, closed));
            if (configured.contains(seasonal.name())) { // paused once, when set up (a visitor may resume it)
                integrations.pause(seasonal.id());
            }
            IntegrationSnapshot old = connect(OLD_TRIAL, "healthy", Schedule.DAILY, Environment.PRODUCTION);
            if (old.lifecycle() != Lifecycle.DELETED) {
                integrations.delete(old.id());
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        actAs("admin@globex.test");
        try {
            active("Globex helpdesk", "healthy", Schedule.HOURLY, Environment.PRODUCTION,
                    new ImportFilters(List.of(), LocalDate.now().minusDays(10), Set.of("closed")));
        } finally {
            SecurityContextHolder.clearContext();
        }
        if (!created.isEmpty()) {
            log.info("Demo integrations created on the Demo platform: {}", created);
        }
    }

    /**
     * Connects the integration unless the account already has one of that name, deleted ones
     * included (so a start interrupted half-way completes the demo data on the next start, and what
     * a visitor deleted stays deleted).
     */
    private IntegrationSnapshot connect(String name, String scenario, Schedule schedule, Environment environment) {
        var existing = java.util.stream.Stream.concat(integrations.list().stream(), integrations.deleted().stream())
                .filter(i -> i.name().equals(name)).findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        created.add(name);
        return integrations.connect(new ConnectCommand("demo", name,
                Map.of("apiKey", "demo-" + scenario + "-key", "scenario", scenario), environment, schedule));
    }

    /** Connected and configured: an integration left in setup by an interrupted start gets its filters now. */
    private IntegrationSnapshot active(String name, String scenario, Schedule schedule, Environment environment,
            ImportFilters filters) {
        IntegrationSnapshot connected = connect(name, scenario, schedule, environment);
        if (connected.lifecycle() != Lifecycle.SETUP) {
            return connected;
        }
        configured.add(name);
        return integrations.configureFilters(connected.id(), filters);
    }

    private void actAs(String email) {
        UserDetails user = users.loadUserByUsername(email);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }
}
