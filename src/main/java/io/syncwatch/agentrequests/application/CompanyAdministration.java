package io.syncwatch.agentrequests.application;

import io.syncwatch.agentrequests.application.port.in.CompanyRefusal.InvalidCompanyInput;
import io.syncwatch.agentrequests.application.port.in.CompanyRefusal.NoSuchEmployee;
import io.syncwatch.agentrequests.application.port.in.CompanyRefusal.NoSuchKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.syncwatch.agentrequests.application.port.in.EmployeeImportReport;
import io.syncwatch.agentrequests.application.port.in.EmployeeImportReport.RowError;
import io.syncwatch.agentrequests.application.port.in.ManageCompany;
import io.syncwatch.agentrequests.application.port.in.NewKey;
import io.syncwatch.agentrequests.application.port.out.AgentKeys;
import io.syncwatch.agentrequests.application.port.out.Companies;
import io.syncwatch.agentrequests.domain.AgentKey;
import io.syncwatch.agentrequests.domain.ChannelMode;
import io.syncwatch.agentrequests.domain.CompanySettings;
import io.syncwatch.agentrequests.domain.Employee;
import io.syncwatch.agentrequests.domain.KeyKind;
import io.syncwatch.platform.AccountId;
import io.syncwatch.agentrequests.domain.KeyHash;

/** Company Info use cases. */
@Service
@Transactional
class CompanyAdministration implements ManageCompany {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s,]+@[^@\\s,]+\\.[^@\\s,]+$");

    private final Companies companies;
    private final AgentKeys keys;
    private final Clock clock;

    CompanyAdministration(Companies companies, AgentKeys keys, Clock clock) {
        this.companies = companies;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public CompanySettings settings(AccountId account) {
        return companies.settings(account);
    }

    @Override
    public void saveChannel(AccountId account, String name, boolean enabled, ChannelMode mode) {
        companies.saveChannel(account, required(name, "name", "channel name", 40), enabled, mode.name());
    }

    @Override
    public void saveBrand(AccountId account, String label, boolean active) {
        companies.saveBrand(account, required(label, "label", "brand label", 120), active);
    }

    @Override
    public void saveLanguage(AccountId account, String code, boolean active) {
        companies.saveLanguage(account, required(code, "code", "language code", 35), active);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Employee> employees(AccountId account) {
        return companies.employees(account);
    }

    @Override
    public void saveEmployee(AccountId account, Employee employee) {
        if (!EMAIL.matcher(employee.email()).matches() || employee.email().length() > 254) {
            throw new InvalidCompanyInput("email", "The email address is not valid.");
        }
        companies.saveEmployee(account, new Employee(employee.email(), required(employee.name(), "name", "name", 200),
                employee.profileComplete(), employee.profileApproved(), employee.active()));
    }

    @Override
    public void setEmployeeActive(AccountId account, String email, boolean active) {
        Employee e = companies.employee(account, email).orElseThrow(NoSuchEmployee::new);
        companies.saveEmployee(account, new Employee(e.email(), e.name(), e.profileComplete(), e.profileApproved(), active));
    }

    @Override
    public EmployeeImportReport importEmployees(AccountId account, String csv) {
        List<RowError> errors = new ArrayList<>();
        int imported = 0;
        String[] lines = csv.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || (i == 0 && line.toLowerCase().startsWith("email"))) {
                continue;
            }
            String[] cells = cells(line);
            Optional<String> problem = Optional.empty();
            if (cells.length != 5) {
                problem = Optional.of("expected 5 columns (email,name,profile_complete,profile_approved,active), found " + cells.length);
            } else if (!EMAIL.matcher(cells[0].strip()).matches()) {
                problem = Optional.of("invalid email '" + cells[0].strip() + "'");
            } else if (cells[1].isBlank() || cells[1].strip().length() > 200) {
                problem = Optional.of("name is missing or longer than 200 characters");
            } else if (!bool(cells[2]) || !bool(cells[3]) || !bool(cells[4])) {
                problem = Optional.of("profile_complete, profile_approved and active must be true or false");
            }
            if (problem.isPresent()) {
                errors.add(new RowError(i + 1, problem.get()));
                continue;
            }
            companies.saveEmployee(account, new Employee(cells[0].strip(), cells[1].strip(), yes(cells[2]), yes(cells[3]), yes(cells[4])));
            imported++;
        }
        return new EmployeeImportReport(imported, errors);
    }

    @Override
    @Transactional(readOnly = true)
    public List<AgentKey> keys(AccountId account) {
        return keys.list(account);
    }

    @Override
    public NewKey createKey(AccountId account, String name, KeyKind kind) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String clear = kind.prefix() + HexFormat.of().formatHex(bytes);
        return new NewKey(register(account, name, clear, kind), clear);
    }

    @Override
    public AgentKey registerKey(AccountId account, String name, String clearValue) {
        KeyKind kind = KeyKind.ofKey(clearValue).orElseThrow(() -> new InvalidCompanyInput("key", "Key must start with ac_test_ or ac_live_"));
        return register(account, name, clearValue, kind);
    }

    private AgentKey register(AccountId account, String name, String clear, KeyKind kind) {
        return keys.insert(account, required(name, "name", "key name", 80), kind, clear.substring(0, kind.prefix().length() + 4),
                KeyHash.of(clear), clock.instant());
    }

    @Override
    public void renameKey(AccountId account, long keyId, String name) {
        if (!keys.rename(account, keyId, required(name, "name", "key name", 80))) {
            throw new NoSuchKey();
        }
    }

    @Override
    public void revokeKey(AccountId account, long keyId) {
        if (!keys.revoke(account, keyId, clock.instant())) {
            throw new NoSuchKey();
        }
    }

    private static String required(String value, String field, String what, int max) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw new InvalidCompanyInput(field, "The " + what + " is required (at most " + max + " characters).");
        }
        return value.strip();
    }

    private static boolean bool(String cell) {
        String c = cell.strip().toLowerCase();
        return c.equals("true") || c.equals("false") || c.equals("yes") || c.equals("no");
    }

    private static boolean yes(String cell) {
        String c = cell.strip().toLowerCase();
        return c.equals("true") || c.equals("yes");
    }

    /** Splits one CSV line; cells may be quoted ("Smith, Ann"), a doubled quote is a quote. */
    static String[] cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells.toArray(String[]::new);
    }
}
