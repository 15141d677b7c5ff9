package io.syncwatch.agentrequests.adapter.in.ui;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import io.syncwatch.agentrequests.application.port.in.BrowseRequestLog;
import io.syncwatch.agentrequests.domain.LogQuery;
import io.syncwatch.agentrequests.domain.LoggedRequest;
import io.syncwatch.platform.AccountId;

/**
 * The "3 new requests since this list was read — Show" banner of an API Status tab: counts the
 * requests of the tab's filters logged since its rows were read, so the rows under the reader stay
 * where they are until Show.
 */
class NewRequestsBanner extends HorizontalLayout {

    /** Most new requests counted ("100+ new requests"). */
    static final int CAP = 100;

    final Span text = new Span();
    final Button show = new Button("Show");
    private final BrowseRequestLog log;
    private final AccountId account;
    private final Clock clock;
    /**
     * When the rows shown were read, to the whole second (MariaDB keeps whole seconds), and the
     * requests of that second already known then: requests logged since, and not known, are "new".
     */
    private Instant shownAt;
    private Set<String> knownAtShownAt = Set.of();

    /** {@code showNew} reads the rows again (the Show button). */
    NewRequestsBanner(BrowseRequestLog log, AccountId account, Clock clock, Runnable showNew) {
        this.log = log;
        this.account = account;
        this.clock = clock;
        this.shownAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        add(text, show);
        setId("new-requests");
        addClassName("sw-new-requests");
        setAlignItems(FlexComponent.Alignment.BASELINE);
        getElement().setAttribute("role", "status");
        text.setId("new-requests-text");
        show.setId("new-requests-show");
        show.addClickListener(e -> showNew.run());
        setVisible(false);
    }

    /** Remembers when the rows of {@code shown} were read, and which requests of that second were there already. */
    void markShown(Optional<LogQuery> shown) {
        shownAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        knownAtShownAt = Set.of();
        knownAtShownAt = shown.map(q -> sinceShown(q).stream().map(LoggedRequest::requestId)
                .collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
    }

    /** Shows the banner if requests of {@code current} arrived since the rows were read; hides it otherwise. */
    void check(LogQuery current) {
        int n = (int) sinceShown(current).stream().filter(r -> !knownAtShownAt.contains(r.requestId())).count();
        setVisible(n > 0);
        if (n > 0) {
            text.setText((n > CAP ? CAP + "+" : String.valueOf(n)) + (n == 1 ? " new request" : " new requests")
                    + " since this list was read");
        }
    }

    /** The tab's requests logged since the rows were read (at most the cap and those known then). */
    private List<LoggedRequest> sinceShown(LogQuery q) {
        LogQuery since = new LogQuery(q.tab(), q.errorCode(), q.keyKind(), shownAt, clock.instant().plusSeconds(1),
                q.search());
        return log.page(account, since, 0, CAP + 1 + knownAtShownAt.size());
    }
}
