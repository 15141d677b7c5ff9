package io.syncwatch.platform.adapter.in.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import io.syncwatch.platform.Permission;
import io.syncwatch.platform.adapter.in.ui.LoginView;
import io.syncwatch.platform.application.port.in.SignIn;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains: the stateless REST API ({@code /api/**}) and the Vaadin console with form
 * sign-in. See {@code architecture/decisions/0003-security-model.md}.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, SignIn signIn, io.syncwatch.platform.AccountDirectory accounts,
            ObjectProvider<SecurityContextHolderStrategy> strategies, ApplicationAvailability availability,
            JsonMapper json) throws Exception {
        // the context's own strategy (Vaadin's), the one this chain's filters read
        SecurityContextHolderStrategy securityContext = strategies.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        var problems = new ProblemEntryPoint(json);
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return http.securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/v3/api-docs/**"),
                        paths.matcher("/swagger-ui/**"), paths.matcher("/swagger-ui.html"), paths.matcher("/actuator/health/**"),
                        // the container's error dispatch of an /api request stays here (never the console's login redirect)
                        ApiEdgeFilter::isApiErrorDispatch))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiEdgeFilter(availability, json), DisableEncodeUrlFilter.class)
                .addFilterBefore(new ApiKeyAuthenticationFilter(signIn, accounts, securityContext), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/health/**").permitAll()
                        // Agent Connect authenticates its own keys (ac_test_… / ac_live_…) in its module.
                        .requestMatchers("/api/agent-connect/**").permitAll()
                        .requestMatchers("/api/v1/**").hasRole(Permission.Names.API_CLIENT)
                        // no endpoint lives elsewhere under /api (ApiEdgeTest checks it): the fallback answers 404
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleSecurity(HttpSecurity http) throws Exception {
        http.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/images/**", "/styles.css").permitAll());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
