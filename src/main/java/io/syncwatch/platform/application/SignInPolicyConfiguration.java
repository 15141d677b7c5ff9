package io.syncwatch.platform.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.syncwatch.platform.domain.SignInPolicy;

/**
 * The sign-in throttling rules from {@code syncwatch.security.sign-in.*} (defaults: 5 attempts
 * per login in 15 minutes, then locked 15 minutes; per IP 20 a minute, 100 an hour, 500 a day).
 */
@Configuration(proxyBeanMethods = false)
class SignInPolicyConfiguration {

    @Bean
    SignInPolicy signInPolicy(PlatformProperties properties) {
        PlatformProperties.SignIn signIn = properties.security().signIn();
        return new SignInPolicy(signIn.attemptsPerLogin(), signIn.loginWindow(), signIn.lockDuration(),
                budgets(signIn.perIp()));
    }

    /** {@code attempts/period} pairs, e.g. {@code 20/1m,100/1h}; periods as Spring reads durations (1m, 1h, 1d, PT30S). */
    static List<SignInPolicy.Budget> budgets(String text) {
        List<SignInPolicy.Budget> budgets = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] pair = part.strip().split("/");
            if (pair.length != 2) {
                throw new IllegalArgumentException("syncwatch.security.sign-in.per-ip: expected attempts/period, got " + part);
            }
            budgets.add(new SignInPolicy.Budget(Integer.parseInt(pair[0].strip()),
                    org.springframework.boot.convert.DurationStyle.detectAndParse(pair[1].strip())));
        }
        return budgets;
    }
}
