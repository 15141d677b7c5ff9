package io.syncwatch.agentrequests.domain;

import static io.syncwatch.agentrequests.domain.RequestErrorCode.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Validates a Connect request in the spec's order and reports every error found. Within one
 * group (employee, channel, brand, language) the first applicable error wins: a deactivated
 * employee's profile or a disabled channel's mode is not judged. Groups are independent, so a
 * request may carry up to five errors; the first is the primary one.
 */
public final class RequestValidator {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_EMAIL_LENGTH = 254;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public ValidationOutcome validate(AgentRequest request, KeyKind keyKind, CompanySettings settings,
            Optional<Employee> employee) {
        List<RequestError> errors = new ArrayList<>();
        checkEmployee(request, employee, errors);
        checkCustomer(request, errors);
        checkChannel(request, keyKind, settings, errors);
        String brand = resolveBrand(request, settings, errors);
        String language = resolveLanguage(request, settings, errors);
        return new ValidationOutcome(errors, brand, language);
    }

    private static void checkEmployee(AgentRequest request, Optional<Employee> employee, List<RequestError> errors) {
        if (employee.isEmpty()) {
            errors.add(new RequestError(EMPLOYEE_NOT_FOUND, "employee.email", blank(request.employeeEmail())
                    ? "No employee email was given." : "No employee with email " + request.employeeEmail() + " exists."));
        } else if (!employee.get().active()) {
            errors.add(new RequestError(EMPLOYEE_DEACTIVATED, "employee.email", "The employee is deactivated."));
        } else if (!employee.get().profileReady()) {
            errors.add(new RequestError(EMPLOYEE_PROFILE_INCOMPLETE, "employee.email",
                    "The employee's profile is not complete and approved."));
        }
    }

    private static void checkCustomer(AgentRequest request, List<RequestError> errors) {
        String name = request.customerName();
        String email = request.customerEmail();
        if (blank(name)) {
            errors.add(new RequestError(INVALID_CUSTOMER, "customer.name", "The customer name is missing."));
        } else if (name.strip().length() > MAX_NAME_LENGTH) {
            errors.add(new RequestError(INVALID_CUSTOMER, "customer.name",
                    "The customer name is longer than " + MAX_NAME_LENGTH + " characters."));
        } else if (blank(email)) {
            errors.add(new RequestError(INVALID_CUSTOMER, "customer.email", "The customer email is missing."));
        } else if (email.strip().length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email.strip()).matches()) {
            errors.add(new RequestError(INVALID_CUSTOMER, "customer.email", "The customer email is malformed."));
        }
    }

    private static void checkChannel(AgentRequest request, KeyKind keyKind, CompanySettings settings,
            List<RequestError> errors) {
        String given = request.channel();
        Optional<Channel> channel = blank(given) ? Optional.empty() : settings.channel(given);
        if (channel.isEmpty() || !channel.get().enabled()) {
            errors.add(new RequestError(CHANNEL_NOT_ENABLED, "channel", blank(given) ? "No channel was given."
                    : "The channel " + given + " is not enabled for the company."));
        } else if (keyKind == KeyKind.PRODUCTION && channel.get().mode() == ChannelMode.MANUAL) {
            errors.add(new RequestError(CHANNEL_IN_MANUAL_MODE, "channel",
                    "The channel " + channel.get().name() + " is in manual mode."));
        }
    }

    private static @Nullable String resolveBrand(AgentRequest request, CompanySettings settings, List<RequestError> errors) {
        List<Brand> active = settings.activeBrands();
        String given = request.brand();
        if (blank(given)) {
            if (active.size() > 1) {
                errors.add(new RequestError(BRAND_NOT_PROVIDED, "brand", "The company has several active brands; give one."));
                return null;
            }
            return active.isEmpty() ? null : active.getFirst().label();
        }
        Optional<Brand> brand = settings.brand(given);
        if (brand.isEmpty() || !brand.get().active()) {
            errors.add(new RequestError(BRAND_INVALID_OR_INACTIVE, "brand", brand.isEmpty()
                    ? "No brand labelled " + given + " exists." : "The brand " + brand.get().label() + " is not active."));
            return null;
        }
        return brand.get().label();
    }

    private static @Nullable String resolveLanguage(AgentRequest request, CompanySettings settings,
            List<RequestError> errors) {
        List<Language> active = settings.activeLanguages();
        String given = request.language();
        if (blank(given)) {
            if (active.size() > 1) {
                errors.add(new RequestError(LANGUAGE_NOT_SPECIFIED, "language",
                        "The company has several active languages; give one."));
                return null;
            }
            return active.isEmpty() ? null : active.getFirst().code();
        }
        Optional<Language> language = settings.language(given);
        if (language.isEmpty() || !language.get().active()) {
            errors.add(new RequestError(LANGUAGE_NOT_AVAILABLE, "language", language.isEmpty()
                    ? "No language " + given + " is set up." : "The language " + language.get().code() + " is not active."));
            return null;
        }
        return language.get().code();
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
