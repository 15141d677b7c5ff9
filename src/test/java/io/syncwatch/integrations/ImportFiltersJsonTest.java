package io.syncwatch.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Filters are stored as one JSON document by integrations and imports alike: whatever a user typed
 * comes back as typed (tabs, newlines, quotes, backslashes, unicode: the old tab-separated format of
 * imports turned tabs and newlines into spaces), and empty lists and a missing start stay so.
 */
class ImportFiltersJsonTest {

    @Test
    void everyValueComesBackAsTyped() {
        ImportFilters filters = new ImportFilters(List.of(
                new FilterCondition(FilterField.TAG, null, "vip\tgold"),
                new FilterCondition(FilterField.CUSTOM_FIELD, "Plan\n(tier)", "línea 1\nlínea 2 \"quoted\" \\ 日本 🚀"),
                new FilterCondition(FilterField.CUSTOM_FIELD, "", "")),
                LocalDate.of(2026, 2, 28), Set.of("open\twaiting", "pending\n", "résolu"));

        ImportFilters read = ImportFiltersJson.read(ImportFiltersJson.write(filters));

        assertThat(read).isEqualTo(filters);
        assertThat(read.conditions().get(1).value()).isEqualTo("línea 1\nlínea 2 \"quoted\" \\ 日本 🚀");
    }

    @Test
    void emptyFiltersStayEmpty() {
        ImportFilters none = ImportFilters.none();

        String json = ImportFiltersJson.write(none);

        assertThat(json).isEqualTo("{\"conditions\":[],\"historicalStart\":null,\"statusCriteria\":[]}");
        assertThat(ImportFiltersJson.read(json)).isEqualTo(none);
        assertThat(ImportFiltersJson.read(json).conditions()).isEmpty();
        assertThat(ImportFiltersJson.read(json).historicalStart()).isNull();
    }

    /** The document integrations stored before the codec was shared reads the same (same format). */
    @Test
    void readsTheDocumentsAlreadyStored() {
        String stored = "{\"conditions\":[{\"field\":\"TAG\",\"customFieldName\":null,\"value\":\"vip\"}],"
                + "\"historicalStart\":\"2026-01-15\",\"statusCriteria\":[\"open\",\"pending\"]}";

        assertThat(ImportFiltersJson.read(stored)).isEqualTo(new ImportFilters(List.of(new FilterCondition(FilterField.TAG, null, "vip")),
                LocalDate.of(2026, 1, 15), Set.of("open", "pending")));
        assertThat(ImportFiltersJson.write(ImportFiltersJson.read(stored))).isEqualTo(stored);
    }

    @Test
    void anUnreadableDocumentIsAnErrorNotEmptyFilters() {
        assertThatThrownBy(() -> ImportFiltersJson.read("start\t2026-01-01\nstatus\topen"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("StoredImportFilters");
    }
}
