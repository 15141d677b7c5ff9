package io.syncwatch.integrations.adapter.in.ui;

import java.util.LinkedHashMap;
import java.util.Map;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

import io.syncwatch.integrations.SourcePlatformCatalog.CredentialField;
import io.syncwatch.integrations.SourcePlatformCatalog.PlatformDescriptor;

/** The credential fields a platform declares; secrets in password fields, never pre-filled. */
class CredentialsForm extends Composite<FormLayout> {

    private final Map<String, AbstractField<?, String>> fields = new LinkedHashMap<>();

    CredentialsForm(PlatformDescriptor platform) {
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
                secret.setRequired(f.required());
                secret.setMaxLength(500);
                input = secret;
            } else {
                TextField text = new TextField(f.label());
                text.setHelperText(f.helpText());
                text.setRequired(f.required());
                text.setMaxLength(500);
                input = text;
            }
            input.setId("credential-" + f.key());
            fields.put(f.key(), input);
            getContent().add((com.vaadin.flow.component.Component) input);
        }
    }

    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((k, f) -> values.put(k, f.getValue() == null ? "" : f.getValue()));
        return values;
    }

    AbstractField<?, String> field(String key) {
        return fields.get(key);
    }

    /** Marks the fields named {@code credentials.<key>}; returns whether any was marked. */
    boolean showProblems(Map<String, String> problems) {
        boolean marked = false;
        for (var entry : fields.entrySet()) {
            String message = problems.get("credentials." + entry.getKey());
            if (entry.getValue() instanceof HasValidation v) {
                v.setErrorMessage(message);
                v.setInvalid(message != null);
                marked |= message != null;
            }
        }
        return marked;
    }
}
