package io.syncwatch.agentrequests.adapter.out.persistence;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.syncwatch.agentrequests.application.port.out.Companies;
import io.syncwatch.agentrequests.domain.Brand;
import io.syncwatch.agentrequests.domain.Channel;
import io.syncwatch.agentrequests.domain.ChannelMode;
import io.syncwatch.agentrequests.domain.CompanySettings;
import io.syncwatch.agentrequests.domain.Employee;
import io.syncwatch.agentrequests.domain.Language;
import io.syncwatch.agentrequests.domain.Names;
import io.syncwatch.platform.AccountId;

/**
 * Company settings (channels, brands, languages) and employees, in hand-written SQL rather than a
 * Spring Data JDBC aggregate (issue 19, decisions 0021 and 0023):
 * <ul>
 * <li>the settings are read on the Requests API's hot path at every cache miss, in one
 * {@code UNION ALL} statement (one round trip; an aggregate would load its root and then each
 * collection: four); {@code AgentRequestsLoadBenchmark} measures it as part of each request, and its
 * JFR profile (architecture/agentrequests.md, "Where the time goes with cold caches") puts this
 * cache miss at 4.6–4.7 % of the API's samples. The Company Info page reads the same settings.</li>
 * <li>they are not written whole: the Company Info page saves one channel, brand or language per
 * change (an update or insert of one row), where saving an aggregate deletes and re-inserts every row
 * of its collections (and two operators' changes of different rows would then overwrite each other);</li>
 * <li>they have no root row: the three tables hang off the platform's account, which this module
 * may not read.</li>
 * </ul>
 */
@Repository
class JdbcCompanies implements Companies {

    private final JdbcClient jdbc;
    private final ShortLivedCache<AccountId, CompanySettings> settings = new ShortLivedCache<>(5_000, 10_000);
    /** Employees by account and e-mail key, unknown ones included (a wrong address is a common mistake, sent again and again). */
    private final ShortLivedCache<EmployeeKey, Optional<Employee>> employees = new ShortLivedCache<>(5_000, 50_000);

    private record EmployeeKey(AccountId account, String email) {
    }

    JdbcCompanies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public CompanySettings settings(AccountId account) {
        return settings.get(account, a -> Optional.of(load(a))).orElseThrow();
    }

    /**
     * Channels, brands and languages in one statement (one round trip instead of three: a cache
     * miss of the settings is on the Requests API's hot path), each kind in its own order.
     */
    private CompanySettings load(AccountId account) {
        List<Channel> channels = new java.util.ArrayList<>();
        List<Brand> brands = new java.util.ArrayList<>();
        List<Language> languages = new java.util.ArrayList<>();
        jdbc.sql("""
                SELECT 'C' AS kind, name AS sort_key, name AS label, enabled AS active, mode FROM ac_channel WHERE account_id = ?
                UNION ALL SELECT 'B', label_key, label, active, '' FROM ac_brand WHERE account_id = ?
                UNION ALL SELECT 'L', code_key, code, active, '' FROM ac_language WHERE account_id = ?
                ORDER BY kind, sort_key""")
                .params(account.value(), account.value(), account.value()).query(rs -> {
                    switch (rs.getString(1)) {
                        case "C" -> channels.add(new Channel(rs.getString(3), rs.getBoolean(4), ChannelMode.valueOf(rs.getString(5))));
                        case "B" -> brands.add(new Brand(rs.getString(3), rs.getBoolean(4)));
                        default -> languages.add(new Language(rs.getString(3), rs.getBoolean(4)));
                    }
                });
        return new CompanySettings(channels, brands, languages);
    }

    @Override
    public Optional<Employee> employee(AccountId account, String email) {
        return employees.get(new EmployeeKey(account, Names.key(email)), key -> Optional.of(jdbc.sql(SELECT_EMPLOYEE
                + " WHERE account_id = ? AND email = ?").param(key.account().value()).param(key.email())
                .query(JdbcCompanies::employee).optional())).orElseThrow();
    }

    @Override
    public List<Employee> employees(AccountId account) {
        return jdbc.sql(SELECT_EMPLOYEE + " WHERE account_id = ? ORDER BY email").param(account.value())
                .query(JdbcCompanies::employee).list();
    }

    private static final String SELECT_EMPLOYEE = "SELECT email, name, profile_complete, profile_approved, active FROM ac_employee";

    private static Employee employee(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Employee(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5));
    }

    @Override
    public void saveChannel(AccountId account, String name, boolean enabled, String mode) {
        settings.evict(account);
        String key = Names.key(name);
        int updated = jdbc.sql("UPDATE ac_channel SET enabled = ?, mode = ? WHERE account_id = ? AND name = ?")
                .params(enabled, mode, account.value(), key).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO ac_channel (account_id, name, enabled, mode) VALUES (?, ?, ?, ?)")
                    .params(account.value(), key, enabled, mode).update();
        }
    }

    @Override
    public void saveBrand(AccountId account, String label, boolean active) {
        settings.evict(account);
        int updated = jdbc.sql("UPDATE ac_brand SET label = ?, active = ? WHERE account_id = ? AND label_key = ?")
                .params(label, active, account.value(), Names.key(label)).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO ac_brand (account_id, label, label_key, active) VALUES (?, ?, ?, ?)")
                    .params(account.value(), label, Names.key(label), active).update();
        }
    }

    @Override
    public void saveLanguage(AccountId account, String code, boolean active) {
        settings.evict(account);
        int updated = jdbc.sql("UPDATE ac_language SET code = ?, active = ? WHERE account_id = ? AND code_key = ?")
                .params(code, active, account.value(), Names.key(code)).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO ac_language (account_id, code, code_key, active) VALUES (?, ?, ?, ?)")
                    .params(account.value(), code, Names.key(code), active).update();
        }
    }

    @Override
    public void saveEmployee(AccountId account, Employee e) {
        employees.evict(new EmployeeKey(account, Names.key(e.email())));
        int updated = jdbc.sql("""
                UPDATE ac_employee SET name = ?, profile_complete = ?, profile_approved = ?, active = ?
                WHERE account_id = ? AND email = ?""")
                .params(e.name(), e.profileComplete(), e.profileApproved(), e.active(), account.value(), e.email()).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO ac_employee (account_id, email, name, profile_complete, profile_approved, active)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(account.value(), e.email(), e.name(), e.profileComplete(), e.profileApproved(), e.active()).update();
        }
    }
}
