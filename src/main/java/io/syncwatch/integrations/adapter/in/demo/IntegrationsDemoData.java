package io.syncwatch.integrations.adapter.in.demo;

import java.time.LocalDate;
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
import io.syncwatch.integrations.Schedule;
import io.syncwatch.integrations.application.port.in.IntegrationManagement;
import io.syncwatch.integrations.application.port.in.IntegrationManagement.ConnectCommand;

/**
 * Demo integrations on the Demo platform, one per behaviour, so that every state of the
 * Platforms tab appears with real runs behind it (the imports module's demo data runs them).
 * Created through the same use cases as the UI, signed in as the demo admins.
 */
@Component
@Profile("demo")
@Order(10)
class IntegrationsDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IntegrationsDemoData.class);

    private final IntegrationManagement integrations;
    private final UserDetailsService users;

    IntegrationsDemoData(IntegrationManagement integrations, UserDetailsService users) {
        this.integrations = integrations;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        actAs("admin@acme.test");
        try {
            if (!integrations.list().isEmpty()) {
                return;
            }
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
            integrations.pause(seasonal.id());
            IntegrationSnapshot old = connect("Old trial account", "healthy", Schedule.DAILY, Environment.PRODUCTION);
            integrations.delete(old.id());
        } finally {
            SecurityContextHolder.clearContext();
        }
        actAs("admin@globex.test");
        try {
            if (integrations.list().isEmpty()) {
                active("Globex helpdesk", "healthy", Schedule.HOURLY, Environment.PRODUCTION,
                        new ImportFilters(List.of(), LocalDate.now().minusDays(10), Set.of("closed")));
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        log.info("Demo integrations created on the Demo platform");
    }

    private IntegrationSnapshot connect(String name, String scenario, Schedule schedule, Environment environment) {
        return integrations.connect(new ConnectCommand("demo", name,
                Map.of("apiKey", "demo-" + scenario + "-key", "scenario", scenario), environment, schedule));
    }

    private IntegrationSnapshot active(String name, String scenario, Schedule schedule, Environment environment,
            ImportFilters filters) {
        IntegrationSnapshot connected = connect(name, scenario, schedule, environment);
        return integrations.configureFilters(connected.id(), filters);
    }

    private void actAs(String email) {
        UserDetails user = users.loadUserByUsername(email);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }
}
