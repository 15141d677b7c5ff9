package io.syncwatch.imports;

import java.util.Comparator;
import java.util.List;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;

import io.syncwatch.imports.ImportsFixtures.FakeIntegrations;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.ui.IntegrationPageSection;
import io.syncwatch.platform.CurrentUser;
import io.syncwatch.platform.Permission;
import jakarta.annotation.security.RolesAllowed;

/** Stands in for the integrations module's integration page: renders every page section in order. */
@Route("test/imports-section")
@RolesAllowed(Permission.Names.MANAGE_INTEGRATIONS)
public class SectionHostView extends VerticalLayout implements HasUrlParameter<Long> {

    private final FakeIntegrations integrations;
    private final CurrentUser currentUser;
    private final List<IntegrationPageSection> sections;

    public SectionHostView(FakeIntegrations integrations, CurrentUser currentUser, List<IntegrationPageSection> sections) {
        this.integrations = integrations;
        this.currentUser = currentUser;
        this.sections = sections;
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        removeAll();
        integrations.find(currentUser.accountId(), IntegrationId.of(id)).ifPresent(snapshot -> sections.stream()
                .sorted(Comparator.comparingInt(IntegrationPageSection::order)).forEach(s -> add(s.render(snapshot))));
    }
}
