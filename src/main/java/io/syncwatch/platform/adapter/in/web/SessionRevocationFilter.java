package io.syncwatch.platform.adapter.in.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import io.syncwatch.platform.application.port.in.SignIn;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Ends a console session whose user an admin signed out everywhere (or reset the password of, or
 * disabled) after the session signed in: the session is invalidated and the request goes on
 * anonymous, so the console sends it to the login page. The user's state is read from the
 * database (so it holds across instances), at most every {@link #RECHECK} per user and instance.
 */
class SessionRevocationFilter extends OncePerRequestFilter {

    static final Duration RECHECK = Duration.ofSeconds(2);

    private record Checked(boolean valid, Instant at) {
    }

    private final SignIn signIn;
    private final SecurityContextHolderStrategy securityContext;
    private final Clock clock;
    private final Map<String, Checked> recent = new ConcurrentHashMap<>();

    SessionRevocationFilter(SignIn signIn, SecurityContextHolderStrategy securityContext, Clock clock) {
        this.signIn = signIn;
        this.securityContext = securityContext;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = securityContext.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SyncwatchPrincipal principal
                && principal.userId() != null && !valid(principal)) {
            securityContext.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }

    private boolean valid(SyncwatchPrincipal principal) {
        Instant now = clock.instant();
        String key = principal.userId().value() + "@" + principal.signedInAt();
        Checked checked = recent.get(key);
        if (checked == null || checked.at().plus(RECHECK).isBefore(now)) {
            if (recent.size() > 10_000) {
                recent.clear();
            }
            checked = new Checked(signIn.sessionValid(principal.userId(), principal.signedInAt()), now);
            recent.put(key, checked);
        }
        return checked.valid();
    }
}
