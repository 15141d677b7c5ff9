package io.syncwatch.platform.application;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

import io.syncwatch.platform.domain.PasswordRules;

/** The password rules with the shipped list of the 10,000 most common passwords ({@code security/common-passwords.txt}). */
@Configuration(proxyBeanMethods = false)
class PasswordRulesConfiguration {

    static final String COMMON_PASSWORDS = "security/common-passwords.txt";

    @Bean
    PasswordRules passwordRules() throws IOException {
        Set<String> common = new HashSet<>();
        try (var reader = new BufferedReader(new InputStreamReader(new ClassPathResource(COMMON_PASSWORDS).getInputStream(),
                StandardCharsets.UTF_8))) {
            reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .forEach(line -> common.add(line.strip().toLowerCase(Locale.ROOT)));
        }
        return new PasswordRules(common);
    }
}
