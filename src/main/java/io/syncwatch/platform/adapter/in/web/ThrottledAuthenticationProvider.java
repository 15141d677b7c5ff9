package io.syncwatch.platform.adapter.in.web;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import io.syncwatch.platform.application.port.in.SignInThrottling;
import io.syncwatch.platform.application.port.in.SignInThrottling.Admission;

/**
 * The console's one {@link AuthenticationProvider}: Spring Security's own
 * {@link DaoAuthenticationProvider} (BCrypt, user details from {@link ConsoleUserDetailsService})
 * inside sign-in throttling ({@link SignInThrottling}). A throttled attempt fails with
 * {@link SignInThrottled}, an {@link AccountStatusException}, which the provider manager passes on
 * at once (no other provider is asked) and the form answers like any failure: the same message
 * whether or not the password was right.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    /** Refused before the password was checked; worded like every other failure. */
    static final class SignInThrottled extends AccountStatusException {

        SignInThrottled(String message) {
            super(message);
        }
    }

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottling throttling;

    ThrottledAuthenticationProvider(DaoAuthenticationProvider passwords, SignInThrottling throttling) {
        this.passwords = passwords;
        this.throttling = throttling;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String login = authentication.getName() == null ? "" : authentication.getName();
        String ip = authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress() : "unknown";
        Admission admission = throttling.admit(login, ip);
        if (!(admission instanceof Admission.Allowed)) {
            throw new SignInThrottled("Bad credentials");
        }
        Authentication result;
        try {
            result = passwords.authenticate(authentication);
        } catch (BadCredentialsException | AccountStatusException e) {
            throttling.failed(login, ip); // wrong password, unknown or disabled user
            throw e;
        }
        throttling.succeeded(login, ip);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
