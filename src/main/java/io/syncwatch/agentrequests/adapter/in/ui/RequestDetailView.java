package io.syncwatch.agentrequests.adapter.in.ui;

import java.util.Optional;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import org.jspecify.annotations.Nullable;

import io.syncwatch.agentrequests.application.port.in.BrowseRequestLog;
import io.syncwatch.agentrequests.domain.AgentRequest;
import io.syncwatch.agentrequests.domain.CompanySection;
import io.syncwatch.agentrequests.domain.ErrorDisplay;
import io.syncwatch.agentrequests.domain.LogTab;
import io.syncwatch.agentrequests.domain.LoggedRequest;
import io.syncwatch.agentrequests.domain.RequestError;
import io.syncwatch.agentrequests.domain.ValidationOutcome;
import io.syncwatch.platform.CurrentUser;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.shell.EmptyState;
import io.syncwatch.platform.shell.PageHeader;
import jakarta.annotation.security.RolesAllowed;

/** One logged request: every error with its explanation and fix link, the raw request and a Re-check. */
@Route("agent-connect/integrations/api-status/request/:requestId")
@PageTitle("Request · Syncwatch")
@RolesAllowed(Permission.Names.AGENT_CONNECT_OPERATOR)
public class RequestDetailView extends VerticalLayout implements BeforeEnterObserver {

    private final BrowseRequestLog log;
    private final CurrentUser currentUser;
    final Div recheckResult = new Div();
    @SuppressWarnings("NullAway.Init")
    Button recheck;

    public RequestDetailView(BrowseRequestLog log, CurrentUser currentUser) {
        this.log = log;
        this.currentUser = currentUser;
        addClassName("sw-page");
        recheckResult.setId("recheck-result");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String requestId = event.getRouteParameters().get("requestId").orElse("");
        Optional<LoggedRequest> found = log.find(currentUser.accountId(), requestId);
        if (found.isEmpty()) {
            add(new PageHeader("Request not found", ""), new EmptyState(VaadinIcon.SEARCH, "Request not found",
                    "No logged request with this id exists in your account."));
            return;
        }
        show(found.get());
    }

    private void show(LoggedRequest r) {
        var back = new RouterLink(r.inTab(LogTab.INVALID) ? "← Invalid Requests" : "← Test Requests",
                r.inTab(LogTab.INVALID) ? InvalidRequestsView.class : TestRequestsView.class);
        add(back, new PageHeader("Request " + r.requestId(), io.syncwatch.platform.shell.DateTimes.forViewer(UI.getCurrent()).absoluteWithZone(r.createdAt()) + " · key " + r.keyName() + " ("
                + r.keyKind().label() + ") · HTTP " + r.responseStatus() + " · " + (r.failed() ? "invalid" : "accepted")));
        add(new Paragraph("Employee: " + nz(r.request().employeeEmail()) + " · Customer: " + nz(r.request().customerName()) + " "
                + nz(r.request().customerEmail()) + " · Channel: " + nz(r.request().channel()) + " · Brand: "
                + nz(r.request().brand()) + " · Language: " + nz(r.request().language()) + " · Reference: "
                + nz(r.request().reference())));
        var errors = new VerticalLayout();
        errors.setPadding(false);
        errors.setId("errors");
        if (r.malformedReason() != null) {
            errors.add(errorBlock(ErrorDisplay.MALFORMED_TEXT, r.malformedReason(),
                    "Fix the caller: send a JSON object with Content-Type application/json, at most 64 KiB.", CompanySection.NONE, null));
        }
        for (RequestError e : r.errors()) {
            errors.add(errorBlock(e.code().displayText(), e.code().explanation() + " (" + e.field() + ": " + e.message() + ")",
                    e.code().howToFix(), e.code().section(), item(e.code().section(), r.request())));
        }
        if (r.failed()) {
            add(new H3("Errors"), errors);
        } else {
            add(new Paragraph("This request was accepted: no errors."));
        }
        recheck = new Button("Re-check", VaadinIcon.REFRESH.create(), e -> recheck(r));
        recheck.setId("recheck");
        recheck.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        recheck.setEnabled(r.malformedReason() == null);
        add(new H3("Re-check"), new Paragraph("Validates this request again against the current company settings. Nothing is sent."),
                recheck, recheckResult);
        Pre raw = new Pre(r.rawBody());
        raw.setId("raw-request");
        raw.addClassName("sw-agentrequests-raw");
        add(new H3("Raw request"), raw);
    }

    private void recheck(LoggedRequest r) {
        recheckResult.removeAll();
        Optional<ValidationOutcome> outcome = log.recheck(currentUser.accountId(), r.requestId());
        if (outcome.isEmpty()) {
            recheckResult.add(new Span("This request cannot be re-checked."));
        } else if (outcome.get().valid()) {
            Span ok = new Span("Valid now: the request would be accepted with the current settings.");
            ok.getElement().getThemeList().add("badge success");
            recheckResult.add(ok);
        } else {
            Span bad = new Span("Still invalid: " + String.join(", ", outcome.get().errors().stream()
                    .map(e -> e.code().displayText()).toList()));
            bad.getElement().getThemeList().add("badge error");
            recheckResult.add(bad);
        }
    }

    /** The item of the section the request named (the channel, brand, language or employee), if any. */
    static @Nullable String item(CompanySection section, AgentRequest request) {
        return switch (section) {
            case CHANNELS -> request.channel();
            case BRANDS -> request.brand();
            case LANGUAGES -> request.language();
            case EMPLOYEES -> request.employeeEmail();
            case KEYS, NONE -> null;
        };
    }

    private static Div errorBlock(String title, String explanation, String fix, CompanySection section, @Nullable String item) {
        Div block = new Div();
        block.addClassName("sw-agentrequests-error");
        block.add(new H3(title), new Paragraph(explanation));
        Paragraph how = new Paragraph("How to fix: " + fix + " ");
        if (section != CompanySection.NONE) {
            QueryParameters target = CompanyInfoView.fixLink(section, item);
            String named = item != null && target.getParameters().size() > 1 ? " › " + item.strip() : "";
            RouterLink link = new RouterLink("Open Company Info › " + capitalize(section.anchor()) + named, CompanyInfoView.class);
            link.setQueryParameters(target);
            link.addClassName("sw-agentrequests-fix");
            how.add(link);
        }
        block.add(how);
        return block;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String nz(String s) {
        return s == null ? "—" : s;
    }
}
