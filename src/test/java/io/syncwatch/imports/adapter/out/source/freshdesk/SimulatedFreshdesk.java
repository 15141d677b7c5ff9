package io.syncwatch.imports.adapter.out.source.freshdesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;

import io.syncwatch.imports.connector.SimulatedSource;
import io.syncwatch.imports.connector.SimulatedSource.Conversation;

/**
 * Freshdesk's API v2 over a {@link SimulatedSource}, at {@code /fd/acme} (base-url
 * {@code http://127.0.0.1:port/fd/{domain}}, domain {@code acme}): {@code GET /api/v2/tickets}
 * (tickets updated at or after {@code updated_since}; sorted by {@code updated_at} ascending only
 * when asked, else by creation, newest first, Freshdesk's default; {@code per_page} up to 100,
 * {@code page} up to 300, a {@code Link} header when there is a next page), {@code GET
 * /api/v2/tickets/{id}}, {@code GET /api/v2/agents/me}.
 */
final class SimulatedFreshdesk {

    static final String API = "/fd/acme/api/v2";
    static final Pattern ONE_TICKET = Pattern.compile(API + "/tickets/(\\d+)");
    static final Map<String, Integer> STATUS_CODES = Map.of("open", 2, "pending", 3, "resolved", 4, "closed", 5);
    static final String AGENT = """
            {"available": true, "occasional": false, "id": 19000000123, "ticket_scope": 1, "signature": null,
             "group_ids": [], "role_ids": [19000000001], "created_at": "2024-05-02T09:00:00Z", "updated_at": "2025-11-10T08:00:00Z",
             "contact": {"active": true, "email": "ada@acme.test", "job_title": "Support lead", "language": "en",
                         "mobile": null, "name": "Ada Agent", "phone": null, "time_zone": "Amsterdam"},
             "type": "support_agent"}""";

    private SimulatedFreshdesk() {
    }

    static ResponseDefinitionBuilder answer(Request request, SimulatedSource source) {
        String path = URI.create(request.getUrl()).getPath();
        if (path.equals(API + "/agents/me")) {
            return okJson(AGENT);
        }
        if (path.equals(API + "/tickets")) {
            return list(request, source);
        }
        Matcher one = ONE_TICKET.matcher(path);
        if (one.matches()) {
            return source.find(one.group(1)).map(c -> okJson(ticket(c))).orElse(aResponse().withStatus(404));
        }
        return aResponse().withStatus(404);
    }

    private static ResponseDefinitionBuilder list(Request request, SimulatedSource source) {
        int perPage = number(request.queryParameter("per_page"), 30);
        int page = number(request.queryParameter("page"), 1);
        if (perPage > 100) {
            return validationFailed("per_page", "Has to be less than or equal to 100");
        }
        if (page > 300) {
            return validationFailed("page", "You cannot access tickets beyond the 300th page. Please provide a smaller page number.");
        }
        QueryParameter since = request.queryParameter("updated_since");
        List<Conversation> tickets = since.isPresent() ? source.updatedFrom(Instant.parse(since.firstValue()))
                : source.inUpdateOrder();
        boolean inUpdateOrder = "updated_at".equals(value(request.queryParameter("order_by")))
                && "asc".equals(value(request.queryParameter("order_type")));
        if (!inUpdateOrder) {
            tickets = tickets.stream().sorted(Comparator.comparing(Conversation::createdAt).reversed()).toList();
        }
        List<Conversation> shown = SimulatedSource.page(tickets, page, perPage);
        ResponseDefinitionBuilder answer = okJson("[" + String.join(",", shown.stream().map(SimulatedFreshdesk::ticket).toList()) + "]");
        if (tickets.size() > page * perPage) {
            answer = answer.withHeader("Link", "<https://acme.freshdesk.com/api/v2/tickets?per_page=" + perPage + "&page="
                    + (page + 1) + ">; rel=\"next\"");
        }
        return answer.withHeader("X-RateLimit-Total", "400").withHeader("X-RateLimit-Remaining", "399")
                .withHeader("X-RateLimit-Used-CurrentRequest", "1");
    }

    static ResponseDefinitionBuilder validationFailed(String field, String message) {
        return aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                {"description": "Validation failed", "errors": [{"field": "%s", "message": "%s", "code": "invalid_value"}]}"""
                .formatted(field, message));
    }

    static String ticket(Conversation c) {
        return ticket(c.id(), STATUS_CODES.get(c.status()), c.createdAt().toString(),
                c.malformed() ? "yesterday" : c.updatedAt().toString());
    }

    /** A ticket as the API reference shows one (list and single ticket alike). */
    static String ticket(long id, int status, String createdAt, String updatedAt) {
        return """
                {"cc_emails": [], "fwd_emails": [], "reply_cc_emails": [], "ticket_cc_emails": [], "fr_escalated": false,
                 "spam": false, "email_config_id": null, "group_id": 19000000456, "priority": 2, "requester_id": 19000000789,
                 "responder_id": 19000000123, "source": 1, "company_id": null, "status": %d, "subject": "Refund for order %d",
                 "association_type": null, "support_email": null, "to_emails": ["support@acme.test"], "product_id": null,
                 "id": %d, "type": "Refund", "due_by": "2026-01-05T10:00:00Z", "fr_due_by": "2026-01-03T10:00:00Z",
                 "is_escalated": false, "custom_fields": {"cf_region": "EU", "cf_order_number": null},
                 "created_at": "%s", "updated_at": "%s", "associated_tickets_count": null, "tags": ["refund", "vip"],
                 "nr_due_by": null, "nr_escalated": false}""".formatted(status, id, id, createdAt, updatedAt);
    }

    private static int number(QueryParameter parameter, int otherwise) {
        return parameter.isPresent() ? Integer.parseInt(parameter.firstValue()) : otherwise;
    }

    private static String value(QueryParameter parameter) {
        return parameter.isPresent() ? parameter.firstValue() : "";
    }
}
