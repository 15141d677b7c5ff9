package io.syncwatch.agentrequests.application.port.out;

import java.util.List;
import java.util.Optional;

import io.syncwatch.agentrequests.domain.CompanySettings;
import io.syncwatch.agentrequests.domain.Employee;
import io.syncwatch.platform.AccountId;

/** Storage of the company settings. */
public interface Companies {

    CompanySettings settings(AccountId account);

    Optional<Employee> employee(AccountId account, String email);

    List<Employee> employees(AccountId account);

    void saveChannel(AccountId account, String name, boolean enabled, String mode);

    void saveBrand(AccountId account, String label, boolean active);

    void saveLanguage(AccountId account, String code, boolean active);

    void saveEmployee(AccountId account, Employee employee);
}
