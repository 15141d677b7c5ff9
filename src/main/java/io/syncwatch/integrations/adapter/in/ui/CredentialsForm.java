package io.syncwatch.integrations.adapter.in.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;

import io.syncwatch.integrations.SourcePlatformCatalog.CredentialField;
import io.syncwatch.integrations.SourcePlatformCatalog.PlatformDescriptor;
import io.syncwatch.integrations.domain.CredentialRules;
import io.syncwatch.platform.shell.Forms;

/**
 * The credential fields a platform declares; secrets in password fields, never pre-filled. The
 * fields are the platform's, so they are bound one by one to a key → value map with the rules the
 * platform declares for them ({@link CredentialRules}, the use case's own words).
 */
class CredentialsForm extends Composite<FormLayout> {

    final PlatformDescriptor platform;
    private final Map<String, AbstractField<?, String>> fields = new LinkedHashMap<>();
    private final Binder<Map<String, String>> binder = new Binder<>();

    CredentialsForm(PlatformDescriptor platform) {
        this.platform = platform;
        binder.setDefaultValidatorsEnabled(false); // the platform's rules say it, in their words
        for (CredentialField f : platform.credentialFields()) {
            AbstractField<?, String> input;
            if (!f.options().isEmpty()) {
                Select<String> select = new Select<>();
                select.setLabel(f.label());
                select.setItems(f.options());
                select.setValue(f.options().getFirst());
                select.setHelperText(f.helpText());
                input = select;
            } else if (f.secret()) {
                PasswordField secret = new PasswordField(f.label());
                secret.setRevealButtonVisible(false);
                secret.setHelperText(f.helpText());
                secret.setMaxLength(CredentialRules.MAX_LENGTH);
                input = secret;
            } else {
                TextField text = new TextField(f.label());
                text.setHelperText(f.helpText());
                text.setMaxLength(CredentialRules.MAX_LENGTH);
                input = text;
            }
            input.setId("credential-" + f.key());
            input.setRequiredIndicatorVisible(f.required());
            binder.forField(input)
                    .withValidator(Forms.rule(v -> CredentialRules.problem(f, v == null ? "" : v.strip())))
                    .bind(values -> values.getOrDefault(f.key(), ""), (values, v) -> values.put(f.key(), v == null ? "" : v));
            fields.put(f.key(), input);
            getContent().add((com.vaadin.flow.component.Component) input);
        }
    }

    /** The values, or empty when a field is wrong (it shows why). */
    Optional<Map<String, String>> values() {
        Map<String, String> values = new LinkedHashMap<>();
        return binder.writeBeanIfValid(values) ? Optional.of(values) : Optional.empty();
    }

    AbstractField<?, String> field(String key) {
        return fields.get(key);
    }

    /** Shows the use case's problems named {@code credentials.<key>}; returns whether any was shown. */
    boolean showRefusal(Map<String, String> problems) {
        boolean shown = false;
        for (var entry : fields.entrySet()) {
            String message = problems.get("credentials." + entry.getKey());
            if (message != null) {
                Forms.showProblem(binder, entry.getValue(), message);
                shown = true;
            }
        }
        return shown;
    }
}
