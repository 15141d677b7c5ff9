package io.syncwatch.platform.adapter.in.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import io.syncwatch.platform.application.PlatformProperties;

/**
 * {@code /actuator/prometheus} for a scraper (issue 17.4): HTTP Basic with one metrics user
 * ({@code SYNCWATCH_METRICS_USER}, default {@code metrics}; {@code SYNCWATCH_METRICS_PASSWORD}),
 * checked only here: it is not a console user and cannot sign in anywhere else. Without a password
 * the endpoint answers 401 to everyone.
 */
@Configuration
class MetricsSecurity {

    private static final Logger log = LoggerFactory.getLogger(MetricsSecurity.class);

    /**
     * 401 with the Basic challenge, written here: {@code sendError} would hand the answer to the
     * container's error page, whose dispatch the console's chain turns into a redirect to /login.
     */
    static void challenge(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
            org.springframework.security.core.AuthenticationException e) {
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", "Basic realm=\"syncwatch-metrics\"");
    }

    @Bean
    @Order(0)
    SecurityFilterChain metricsFilterChain(HttpSecurity http, PasswordEncoder passwords,
            PlatformProperties properties) throws Exception {
        String user = properties.metrics().user();
        String password = properties.metrics().password();
        var users = new InMemoryUserDetailsManager();
        if (password.isBlank()) {
            log.info("/actuator/prometheus is closed: set SYNCWATCH_METRICS_PASSWORD to let a scraper in as '{}'", user);
        } else {
            users.createUser(User.withUsername(user).password(passwords.encode(password)).roles("METRICS").build());
        }
        var provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwords);
        return http.securityMatcher("/actuator/prometheus")
                .authenticationManager(new ProviderManager(provider))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(MetricsSecurity::challenge))
                .exceptionHandling(e -> e.authenticationEntryPoint(MetricsSecurity::challenge))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("METRICS"))
                .build();
    }
}
