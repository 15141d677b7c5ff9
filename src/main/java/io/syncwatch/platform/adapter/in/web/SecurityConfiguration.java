package io.syncwatch.platform.adapter.in.web;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import io.syncwatch.platform.Permission;
import io.syncwatch.platform.adapter.in.ui.LoginView;
import io.syncwatch.platform.application.port.in.SignIn;
import io.syncwatch.platform.application.port.in.SignInThrottling;
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

    /**
     * The browser policy of the console. Vaadin Flow needs inline and eval'd scripts (its bootstrap
     * and {@code executeJs}) and inline styles; everything else is same-origin only, no framing.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "interest-cohort=()";

    @Bean
    @Order(2)
    SecurityFilterChain consoleSecurity(HttpSecurity http, RequestUtil vaadinRequests, SignIn signIn,
            ObjectProvider<SecurityContextHolderStrategy> strategies, Clock clock) throws Exception {
        SecurityContextHolderStrategy securityContext = strategies.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        http.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/images/**", "/styles.css").permitAll());
        // login CSRF: POST /login needs the token (Vaadin's login form sends it from the page's meta tags,
        // CsrfMetaTags); only Vaadin's own requests, protected by Vaadin's token, are exempt
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                // written before the request goes on: Vaadin's pages are forwarded to its servlet, and the container
                // completes a forwarded response itself, past Spring Security's lazy (on-commit) header writing
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }));
        http.addFilterAfter(new SessionRevocationFilter(signIn, securityContext, clock), SecurityContextHolderFilter.class);
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .enableCsrfConfiguration(false)).build();
    }

    /** Spring Security's password check inside sign-in throttling: the only authentication provider. */
    @Bean
    AuthenticationProvider consoleAuthentication(ConsoleUserDetailsService users, PasswordEncoder passwords,
            SignInThrottling throttling) {
        var dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(passwords);
        return new ThrottledAuthenticationProvider(dao, throttling);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
