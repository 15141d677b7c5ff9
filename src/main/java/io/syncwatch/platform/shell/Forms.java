package io.syncwatch.platform.shell;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;

import io.syncwatch.platform.FieldRefusal;

/**
 * The console's form model in one place. Every form binds its fields with a Vaadin {@link Binder}
 * (a {@code BeanValidationBinder} over a form record with Bean Validation annotations where the
 * rules are fixed; {@link #rule} validators where a domain rule's words depend on the input), so a
 * field shows its own error the moment it is checked and nothing is sent while any is wrong. What
 * only the use case can know (a name already taken, a connection test that failed) comes back as
 * the module's typed refusal, a {@link FieldRefusal} naming its fields; {@link #showRefusal} puts
 * each message on the field bound to that name, through the binder's own error display, so the
 * next check clears it like any other error.
 */
public final class Forms {

    private Forms() {
    }

    /**
     * A binder over a form record (or bean) that validates its Bean Validation annotations. The
     * components' own constraint checks (a date picker's max, a text field's max length) are off:
     * their messages are empty unless each field is given words, and the record's rules already
     * say the same thing in the spec's words.
     */
    public static <R> Binder<R> binder(Class<R> type) {
        var binder = new com.vaadin.flow.data.binder.BeanValidationBinder<>(type);
        binder.setDefaultValidatorsEnabled(false);
        // A required select or checkbox group puts aria-required on an element whose role does not
        // allow it (the select's value button, the group): axe reports a critical aria-allowed-attr.
        // Their record's annotation still validates; only the indicator is left off.
        binder.setRequiredConfigurator((annotation, binding) -> !(binding.getField() instanceof com.vaadin.flow.component.select.Select<?>
                || binding.getField() instanceof com.vaadin.flow.component.checkbox.CheckboxGroup<?>)
                && com.vaadin.flow.data.binder.RequiredFieldConfigurator.DEFAULT.test(annotation, binding));
        return binder;
    }

    /**
     * Shows any module's refusal of the user's input on the fields it names, as
     * {@link #showRefusal(Binder, Map)} does with its problems.
     */
    public static Map<String, String> showRefusal(Binder<?> binder, FieldRefusal refusal) {
        return showRefusal(binder, refusal.problems());
    }

    /**
     * Shows each problem on the binding of the same property name (the form record's component
     * names are the use case's field names); returns the problems no binding is named after, for
     * the form to show elsewhere.
     */
    public static Map<String, String> showRefusal(Binder<?> binder, Map<String, String> problems) {
        Map<String, String> unplaced = new LinkedHashMap<>();
        problems.forEach((field, message) -> binder.getBinding(field).ifPresentOrElse(
                binding -> showProblem(binder, binding.getField(), message),
                () -> unplaced.put(field, message)));
        return unplaced;
    }

    /** Shows one refusal's message on a bound field, as the binder shows its own errors. */
    public static void showProblem(Binder<?> binder, HasValue<?, ?> field, String message) {
        binder.getValidationErrorHandler().handleError(field, ValidationResult.error(message));
    }

    /**
     * The form record the binder's fields make, or empty when a field is wrong: then every wrong
     * field already shows its error (the binder's status handler put it there), so there is nothing
     * else to report.
     */
    public static <R> java.util.Optional<R> record(Binder<R> binder) {
        if (!binder.validate().isOk()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(binder.writeRecord());
        } catch (com.vaadin.flow.data.binder.ValidationException e) {
            // validate() passed a moment ago in this request: a failure now is a bug, not the user's input
            throw new IllegalStateException("A form valid a moment ago failed to write", e);
        }
    }

    /** A validator from a domain rule that returns the problem's words, or null when the value is fine. */
    public static <T> Validator<T> rule(java.util.function.Function<@Nullable T, @Nullable String> problem) {
        return (value, context) -> {
            String message = problem.apply(value);
            return message == null ? ValidationResult.ok() : ValidationResult.error(message);
        };
    }
}
