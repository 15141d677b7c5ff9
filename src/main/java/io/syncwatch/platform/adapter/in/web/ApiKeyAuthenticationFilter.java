package io.syncwatch.platform.adapter.in.web;

import java.io.IOException;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import io.syncwatch.platform.AccountDirectory;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.application.port.in.SignIn;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates {@code /api/v1/**} calls by an account API key, sent as
 * {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}. Unknown or revoked keys
 * leave the request anonymous, which the entry point answers with 401.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final SignIn signIn;
    private final AccountDirectory accounts;
    private final SecurityContextHolderStrategy securityContext;

    ApiKeyAuthenticationFilter(SignIn signIn, AccountDirectory accounts, SecurityContextHolderStrategy securityContext) {
        this.signIn = signIn;
        this.accounts = accounts;
        this.securityContext = securityContext;
    }

    /** Agent Connect keys ({@code ac_test_}/{@code ac_live_}) are checked by the agentrequests module itself. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/agent-connect/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = keyOf(request);
        if (key != null) {
            signIn.authenticateApiKey(key).ifPresent(apiKey -> {
                var principal = new ApiClientPrincipal(apiKey.accountId(), apiKey.id() == null ? 0 : apiKey.id(), apiKey.name());
                var authorities = new java.util.ArrayList<SimpleGrantedAuthority>();
                authorities.add(new SimpleGrantedAuthority("ROLE_" + Permission.Names.API_CLIENT));
                if (accounts.flagsOf(apiKey.accountId()).contains(io.syncwatch.platform.FeatureFlag.INTEGRATIONS)) {
                    authorities.add(new SimpleGrantedAuthority("ROLE_" + Permission.Names.API_INTEGRATIONS));
                }
                var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
                var context = securityContext.createEmptyContext();
                context.setAuthentication(authentication);
                securityContext.setContext(context);
            });
        }
        chain.doFilter(request, response);
    }

    private static String keyOf(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        String apiKey = request.getHeader("X-API-Key");
        return apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
    }
}
