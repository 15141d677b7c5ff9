package io.syncwatch.imports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.syncwatch.integrations.FilterCondition;
import io.syncwatch.integrations.FilterField;
import io.syncwatch.integrations.ImportFilters;

class ImportPolicyTest {

    static final Instant CREATED = Instant.parse("2026-03-10T10:00:00Z");

    static SourceConversation conversation(String status) {
        return new SourceConversation("T-1", "chat", "Alice", status, Set.of("vip", "billing"),
                Map.of("Region", "EU"), "Refund", CREATED, CREATED.plusSeconds(60));
    }

    static ImportPolicy policy(FilterCondition... conditions) {
        return new ImportPolicy(new ImportFilters(List.of(conditions), null, Set.of()));
    }

    @Test
    void noCriteriaAdmitsEverything() {
        assertThat(new ImportPolicy(ImportFilters.none()).evaluate(conversation("open")).eligible()).isTrue();
    }

    @Test
    void eachConditionAloneAdmitsMatchesIgnoringCaseAndNamesItsFailure() {
        var c = conversation("closed");
        assertThat(policy(new FilterCondition(FilterField.CHANNEL, null, "CHAT")).evaluate(c).eligible()).isTrue();
        assertThat(policy(new FilterCondition(FilterField.CHANNEL, null, "email")).evaluate(c).reason())
                .isEqualTo("channel is 'chat'; this integration imports only conversations where channel is 'email'");
        assertThat(policy(new FilterCondition(FilterField.AGENT, null, "alice")).evaluate(c).eligible()).isTrue();
        assertThat(policy(new FilterCondition(FilterField.AGENT, null, "Bob")).evaluate(c).reason())
                .isEqualTo("agent is 'Alice'; this integration imports only conversations where agent is 'Bob'");
        assertThat(policy(new FilterCondition(FilterField.STATUS, null, "closed")).evaluate(c).eligible()).isTrue();
        assertThat(policy(new FilterCondition(FilterField.STATUS, null, "solved")).evaluate(c).reason())
                .isEqualTo("status is 'closed'; this integration imports only conversations where status is 'solved'");
        assertThat(policy(new FilterCondition(FilterField.TAG, null, "VIP")).evaluate(c).eligible()).isTrue();
        assertThat(policy(new FilterCondition(FilterField.TAG, null, "refund")).evaluate(c).reason())
                .isEqualTo("not tagged 'refund'; this integration imports only conversations tagged 'refund'");
        assertThat(policy(new FilterCondition(FilterField.CUSTOM_FIELD, "region", "eu")).evaluate(c).eligible()).isTrue();
        assertThat(policy(new FilterCondition(FilterField.CUSTOM_FIELD, "Region", "US")).evaluate(c).reason())
                .isEqualTo("custom field 'Region' is 'EU'; this integration imports only conversations where custom field 'Region' is 'US'");
        assertThat(policy(new FilterCondition(FilterField.CUSTOM_FIELD, "Tier", "gold")).evaluate(c).reason())
                .startsWith("custom field 'Tier' is empty");
    }

    @Test
    void combinedConditionsMustAllHoldAndTheFirstFailingOneIsNamed() {
        var c = conversation("closed");
        assertThat(policy(new FilterCondition(FilterField.CHANNEL, null, "chat"), new FilterCondition(FilterField.TAG, null, "vip"))
                .evaluate(c).eligible()).isTrue();
        assertThat(policy(new FilterCondition(FilterField.CHANNEL, null, "chat"), new FilterCondition(FilterField.AGENT, null, "Bob"),
                new FilterCondition(FilterField.TAG, null, "nope")).evaluate(c).reason()).startsWith("agent is 'Alice'");
    }

    @Test
    void statusCriteriaNameTheAllowedStatuses() {
        var policy = new ImportPolicy(new ImportFilters(List.of(), null, Set.of("closed")));
        assertThat(policy.evaluate(conversation("open")).reason())
                .isEqualTo("status is 'open'; this integration imports only closed conversations");
        assertThat(policy.evaluate(conversation("Closed")).eligible()).isTrue();
        var two = new ImportPolicy(new ImportFilters(List.of(), null, Set.of("solved", "closed")));
        assertThat(two.evaluate(conversation("pending")).reason())
                .isEqualTo("status is 'pending'; this integration imports only closed or solved conversations");
    }

    @Test
    void theHistoricalStartDateExcludesOlderConversations() {
        var policy = new ImportPolicy(new ImportFilters(List.of(), LocalDate.parse("2026-03-11"), Set.of()));
        assertThat(policy.evaluate(conversation("open")).reason())
                .isEqualTo("created on 2026-03-10, before this integration's start date 2026-03-11");
        var sameDay = new ImportPolicy(new ImportFilters(List.of(), LocalDate.parse("2026-03-10"), Set.of()));
        assertThat(sameDay.evaluate(conversation("open")).eligible()).isTrue();
    }
}
