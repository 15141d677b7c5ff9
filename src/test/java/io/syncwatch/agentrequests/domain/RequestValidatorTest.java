package io.syncwatch.agentrequests.domain;

import static io.syncwatch.agentrequests.domain.RequestErrorCode.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RequestValidatorTest {

    private final RequestValidator validator = new RequestValidator();

    private static final Employee READY = new Employee("ann@acme.test", "Ann", true, true, true);
    private static final AgentRequest VALID = new AgentRequest("ann@acme.test", "Carla Customer", "carla@example.com",
            "email", "Acme", "en", "ref-1");

    private static CompanySettings settings() {
        return new CompanySettings(
                List.of(new Channel("email", true, ChannelMode.INTEGRATED), new Channel("sms", true, ChannelMode.MANUAL),
                        new Channel("voice", false, ChannelMode.INTEGRATED), new Channel("chat", false, ChannelMode.MANUAL)),
                List.of(new Brand("Acme", true), new Brand("Acme Outlet", true), new Brand("Old Acme", false)),
                List.of(new Language("en", true), new Language("fr-CA", true), new Language("de", false)));
    }

    private ValidationOutcome validate(AgentRequest request, Optional<Employee> employee) {
        return validator.validate(request, KeyKind.PRODUCTION, settings(), employee);
    }

    private static AgentRequest with(String part, String value) {
        AgentRequest r = VALID;
        return switch (part) {
            case "employee" -> new AgentRequest(value, r.customerName(), r.customerEmail(), r.channel(), r.brand(), r.language(), r.reference());
            case "name" -> new AgentRequest(r.employeeEmail(), value, r.customerEmail(), r.channel(), r.brand(), r.language(), r.reference());
            case "email" -> new AgentRequest(r.employeeEmail(), r.customerName(), value, r.channel(), r.brand(), r.language(), r.reference());
            case "channel" -> new AgentRequest(r.employeeEmail(), r.customerName(), r.customerEmail(), value, r.brand(), r.language(), r.reference());
            case "brand" -> new AgentRequest(r.employeeEmail(), r.customerName(), r.customerEmail(), r.channel(), value, r.language(), r.reference());
            case "language" -> new AgentRequest(r.employeeEmail(), r.customerName(), r.customerEmail(), r.channel(), r.brand(), value, r.reference());
            default -> throw new IllegalArgumentException(part);
        };
    }

    @Test
    void aValidRequestHasNoErrorsAndResolvesTheGivenBrandAndLanguage() {
        ValidationOutcome outcome = validate(with("language", "FR-ca"), Optional.of(READY));
        assertThat(outcome.valid()).isTrue();
        assertThat(outcome.resolvedBrand()).isEqualTo("Acme");
        assertThat(outcome.resolvedLanguage()).isEqualTo("fr-CA");
    }

    @Nested
    class OneTestPerError {

        @Test
        void employeeNotFound() {
            ValidationOutcome outcome = validate(with("employee", "nobody@acme.test"), Optional.empty());
            assertThat(outcome.codes()).containsExactly(EMPLOYEE_NOT_FOUND);
            assertThat(outcome.errors().getFirst().field()).isEqualTo("employee.email");
            assertThat(outcome.errors().getFirst().message()).contains("nobody@acme.test");
        }

        @Test
        void missingEmployeeEmailIsNotFound() {
            assertThat(validate(with("employee", " "), Optional.empty()).codes()).containsExactly(EMPLOYEE_NOT_FOUND);
        }

        @Test
        void employeeDeactivated() {
            Employee gone = new Employee("ann@acme.test", "Ann", true, true, false);
            assertThat(validate(VALID, Optional.of(gone)).codes()).containsExactly(EMPLOYEE_DEACTIVATED);
        }

        @Test
        void employeeProfileIncomplete() {
            Employee incomplete = new Employee("ann@acme.test", "Ann", false, false, true);
            assertThat(validate(VALID, Optional.of(incomplete)).codes()).containsExactly(EMPLOYEE_PROFILE_INCOMPLETE);
        }

        @Test
        void employeeProfileCompleteButNotApprovedIsIncomplete() {
            Employee unapproved = new Employee("ann@acme.test", "Ann", true, false, true);
            assertThat(validate(VALID, Optional.of(unapproved)).codes()).containsExactly(EMPLOYEE_PROFILE_INCOMPLETE);
        }

        @Test
        void invalidCustomerForMissingBlankTooLongNameAndMalformedOrMissingEmail() {
            assertThat(validate(with("name", null), Optional.of(READY)).errors())
                    .singleElement().satisfies(e -> {
                        assertThat(e.code()).isEqualTo(INVALID_CUSTOMER);
                        assertThat(e.field()).isEqualTo("customer.name");
                    });
            assertThat(validate(with("name", "   "), Optional.of(READY)).codes()).containsExactly(INVALID_CUSTOMER);
            assertThat(validate(with("name", "x".repeat(201)), Optional.of(READY)).codes()).containsExactly(INVALID_CUSTOMER);
            assertThat(validate(with("name", "x".repeat(200)), Optional.of(READY)).valid()).isTrue();
            assertThat(validate(with("email", "not-an-email"), Optional.of(READY)).errors())
                    .singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("customer.email"));
            assertThat(validate(with("email", "a@b@c.com"), Optional.of(READY)).codes()).containsExactly(INVALID_CUSTOMER);
            assertThat(validate(with("email", null), Optional.of(READY)).codes()).containsExactly(INVALID_CUSTOMER);
        }

        @Test
        void channelNotEnabledWhenDisabledUnknownOrMissing() {
            assertThat(validate(with("channel", "voice"), Optional.of(READY)).codes()).containsExactly(CHANNEL_NOT_ENABLED);
            assertThat(validate(with("channel", "pigeon"), Optional.of(READY)).codes()).containsExactly(CHANNEL_NOT_ENABLED);
            assertThat(validate(with("channel", null), Optional.of(READY)).codes()).containsExactly(CHANNEL_NOT_ENABLED);
        }

        @Test
        void channelInManualModeWithAProductionKey() {
            assertThat(validate(with("channel", "SMS"), Optional.of(READY)).codes()).containsExactly(CHANNEL_IN_MANUAL_MODE);
        }

        @Test
        void brandNotProvidedWhenSeveralBrandsAreActive() {
            assertThat(validate(with("brand", null), Optional.of(READY)).codes()).containsExactly(BRAND_NOT_PROVIDED);
        }

        @Test
        void brandInvalidWhenUnknownOrInactive() {
            assertThat(validate(with("brand", "Nope"), Optional.of(READY)).codes()).containsExactly(BRAND_INVALID_OR_INACTIVE);
            assertThat(validate(with("brand", "old acme"), Optional.of(READY)).codes()).containsExactly(BRAND_INVALID_OR_INACTIVE);
        }

        @Test
        void languageNotSpecifiedWhenSeveralLanguagesAreActive() {
            assertThat(validate(with("language", ""), Optional.of(READY)).codes()).containsExactly(LANGUAGE_NOT_SPECIFIED);
        }

        @Test
        void languageNotAvailableWhenUnknownOrInactive() {
            assertThat(validate(with("language", "xx"), Optional.of(READY)).codes()).containsExactly(LANGUAGE_NOT_AVAILABLE);
            assertThat(validate(with("language", "de"), Optional.of(READY)).codes()).containsExactly(LANGUAGE_NOT_AVAILABLE);
        }
    }

    @Nested
    class Precedence {

        @Test
        void deactivatedWinsOverIncompleteProfile() {
            Employee both = new Employee("ann@acme.test", "Ann", false, false, false);
            assertThat(validate(VALID, Optional.of(both)).codes()).containsExactly(EMPLOYEE_DEACTIVATED);
        }

        @Test
        void channelNotEnabledWinsOverManualMode() {
            assertThat(validate(with("channel", "chat"), Optional.of(READY)).codes()).containsExactly(CHANNEL_NOT_ENABLED);
        }

        @Test
        void errorsAreReportedInTheSpecOrderAcrossGroups() {
            AgentRequest everythingWrong = new AgentRequest("nobody@acme.test", "", "bad", "sms", null, null, "r");
            ValidationOutcome outcome = validate(everythingWrong, Optional.empty());
            assertThat(outcome.codes()).containsExactly(EMPLOYEE_NOT_FOUND, INVALID_CUSTOMER, CHANNEL_IN_MANUAL_MODE,
                    BRAND_NOT_PROVIDED, LANGUAGE_NOT_SPECIFIED);
            assertThat(outcome.primary()).get().extracting(RequestError::code).isEqualTo(EMPLOYEE_NOT_FOUND);
        }

        @Test
        void eachAdjacentPairKeepsItsOrder() {
            Employee incomplete = new Employee("ann@acme.test", "Ann", false, true, true);
            AgentRequest r = new AgentRequest("ann@acme.test", null, "c@x.io", "voice", "Nope", "xx", null);
            assertThat(validate(r, Optional.of(incomplete)).codes()).containsExactly(EMPLOYEE_PROFILE_INCOMPLETE,
                    INVALID_CUSTOMER, CHANNEL_NOT_ENABLED, BRAND_INVALID_OR_INACTIVE, LANGUAGE_NOT_AVAILABLE);
            AgentRequest r2 = new AgentRequest("ann@acme.test", "C", "c@x.io", "sms", "old acme", null, null);
            assertThat(validate(r2, Optional.of(READY)).codes()).containsExactly(CHANNEL_IN_MANUAL_MODE,
                    BRAND_INVALID_OR_INACTIVE, LANGUAGE_NOT_SPECIFIED);
            AgentRequest r3 = new AgentRequest("ann@acme.test", "C", "c@x.io", "email", null, "de", null);
            assertThat(validate(r3, Optional.of(READY)).codes()).containsExactly(BRAND_NOT_PROVIDED, LANGUAGE_NOT_AVAILABLE);
        }
    }

    @Nested
    class Defaults {

        private final CompanySettings single = new CompanySettings(List.of(new Channel("email", true, ChannelMode.INTEGRATED)),
                List.of(new Brand("Solo", true), new Brand("Retired", false)),
                List.of(new Language("en", true), new Language("fr", false)));

        @Test
        void theOnlyActiveBrandAndLanguageAreUsedWhenNoneIsGiven() {
            AgentRequest r = new AgentRequest("ann@acme.test", "C", "c@x.io", "email", null, null, null);
            ValidationOutcome outcome = validator.validate(r, KeyKind.PRODUCTION, single, Optional.of(READY));
            assertThat(outcome.valid()).isTrue();
            assertThat(outcome.resolvedBrand()).isEqualTo("Solo");
            assertThat(outcome.resolvedLanguage()).isEqualTo("en");
        }

        @Test
        void aGivenInactiveBrandIsStillAnErrorWithASingleActiveBrand() {
            AgentRequest r = new AgentRequest("ann@acme.test", "C", "c@x.io", "email", "Retired", "fr", null);
            assertThat(validator.validate(r, KeyKind.PRODUCTION, single, Optional.of(READY)).codes())
                    .containsExactly(BRAND_INVALID_OR_INACTIVE, LANGUAGE_NOT_AVAILABLE);
        }

        @Test
        void noActiveBrandOrLanguageLeavesThemUnresolvedWithoutError() {
            CompanySettings none = new CompanySettings(single.channels(), List.of(), List.of());
            AgentRequest r = new AgentRequest("ann@acme.test", "C", "c@x.io", "email", null, null, null);
            ValidationOutcome outcome = validator.validate(r, KeyKind.TEST, none, Optional.of(READY));
            assertThat(outcome.valid()).isTrue();
            assertThat(outcome.resolvedBrand()).isNull();
        }
    }

    @Nested
    class ManualMode {

        @Test
        void aTestKeyMayUseAManualChannel() {
            ValidationOutcome outcome = validator.validate(with("channel", "sms"), KeyKind.TEST, settings(), Optional.of(READY));
            assertThat(outcome.valid()).isTrue();
        }

        @Test
        void aProductionKeyMayNot() {
            ValidationOutcome outcome = validator.validate(with("channel", "sms"), KeyKind.PRODUCTION, settings(), Optional.of(READY));
            assertThat(outcome.codes()).containsExactly(CHANNEL_IN_MANUAL_MODE);
        }
    }

    @Test
    void displayTextsAreTheSpecsWords() {
        assertThat(List.of(values()).stream().map(RequestErrorCode::displayText)).containsExactly("Employee not found",
                "Deactivated employee", "Employee profile not complete", "Invalid customer", "Channel not enabled for company",
                "Channel is in manual mode", "Brand signifier not provided", "Invalid/inactive brand signifier",
                "Language not specified", "Language not available/active");
    }

    @Test
    void keyKindIsRevealedByThePrefix() {
        assertThat(KeyKind.ofKey("ac_test_abc")).contains(KeyKind.TEST);
        assertThat(KeyKind.ofKey("ac_live_abc")).contains(KeyKind.PRODUCTION);
        assertThat(KeyKind.ofKey("sw_abc")).isEmpty();
    }
}
