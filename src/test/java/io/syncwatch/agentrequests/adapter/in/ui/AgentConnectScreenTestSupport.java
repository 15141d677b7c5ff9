package io.syncwatch.agentrequests.adapter.in.ui;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import io.syncwatch.agentrequests.AgentConnectCompanies;
import io.syncwatch.agentrequests.AgentConnectCompanies.Company;
import io.syncwatch.agentrequests.application.port.out.RequestLog;
import io.syncwatch.agentrequests.domain.KeyKind;
import io.syncwatch.agentrequests.domain.LoggedRequest;
import io.syncwatch.agentrequests.domain.RequestErrorCode;
import io.syncwatch.platform.Permission;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;

/**
 * What the browserless tests of the Agent Connect screens share: a company of their own with an
 * operator signed in to it, rows put straight into the request log, and the API Status grid and
 * summary strip read back.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestAccounts.class, SignedIn.class, AgentConnectCompanies.class })
abstract class AgentConnectScreenTestSupport extends SpringBrowserlessTest {

    @Autowired
    AgentConnectCompanies companies;

    @Autowired
    TestAccounts accounts;

    @Autowired
    SignedIn signedIn;

    @Autowired
    RequestLog requestLog;

    Company company;

    @AfterEach
    void signOut() {
        signedIn.signOut();
    }

    /** A new company, with an Agent Connect operator of it signed in. */
    void signIn() {
        company = companies.create();
        signedIn.as(accounts.user(company.account(), Permission.AGENT_CONNECT_OPERATOR));
    }

    void log(String reference, Instant at, KeyKind kind, RequestErrorCode error) {
        RequestLogRows.logInvalid(requestLog, company.id(), reference, at, kind, error);
    }

    @SuppressWarnings("unchecked")
    Grid<LoggedRequest> grid() {
        return $(Grid.class).id("request-grid");
    }

    /** The grid's references, top to bottom ("" for a request without one). */
    List<String> references() {
        Grid<LoggedRequest> grid = grid();
        return IntStream.range(0, test(grid).size()).mapToObj(i -> test(grid).getRow(i).request().reference())
                .map(r -> r == null ? "" : r).toList();
    }

    /** The summary strip's texts, left to right. */
    List<String> summary() {
        return $(Span.class).from($(HorizontalLayout.class).id("error-summary")).all().stream().map(Span::getText).toList();
    }
}
