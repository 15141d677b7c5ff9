package io.syncwatch.agentrequests.application.port.in;

import java.util.List;

import io.syncwatch.agentrequests.domain.AgentKey;
import io.syncwatch.agentrequests.domain.ChannelMode;
import io.syncwatch.agentrequests.domain.CompanySettings;
import io.syncwatch.agentrequests.domain.Employee;
import io.syncwatch.agentrequests.domain.KeyKind;
import io.syncwatch.platform.AccountId;

/** Company Info: channels, brands, languages, employees and API keys of one account. */
public interface ManageCompany {

    CompanySettings settings(AccountId account);

    void saveChannel(AccountId account, String name, boolean enabled, ChannelMode mode);

    void saveBrand(AccountId account, String label, boolean active);

    void saveLanguage(AccountId account, String code, boolean active);

    List<Employee> employees(AccountId account);

    /** Adds the employee or, when the email exists, updates name and profile flags. */
    void saveEmployee(AccountId account, Employee employee);

    void setEmployeeActive(AccountId account, String email, boolean active);

    /** CSV with header {@code email,name,profile_complete,profile_approved,active}. */
    EmployeeImportReport importEmployees(AccountId account, String csv);

    List<AgentKey> keys(AccountId account);

    NewKey createKey(AccountId account, String name, KeyKind kind);

    /** Registers a key with a known clear value (demo data). */
    AgentKey registerKey(AccountId account, String name, String clearValue);

    void renameKey(AccountId account, long keyId, String name);

    void revokeKey(AccountId account, long keyId);
}
