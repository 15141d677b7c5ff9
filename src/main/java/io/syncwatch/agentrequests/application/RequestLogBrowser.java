package io.syncwatch.agentrequests.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.syncwatch.agentrequests.application.port.in.BrowseRequestLog;
import io.syncwatch.agentrequests.domain.LogQuery;
import io.syncwatch.agentrequests.application.port.out.Companies;
import io.syncwatch.agentrequests.application.port.out.RequestLog;
import io.syncwatch.agentrequests.domain.AgentRequest;
import io.syncwatch.agentrequests.domain.Employee;
import io.syncwatch.agentrequests.domain.KeyKind;
import io.syncwatch.agentrequests.domain.LoggedRequest;
import io.syncwatch.agentrequests.domain.Names;
import io.syncwatch.agentrequests.domain.RequestValidator;
import io.syncwatch.agentrequests.domain.ValidationOutcome;
import io.syncwatch.platform.AccountId;

/** Reads the request log of one account and re-checks logged requests. */
@Service
@Transactional(readOnly = true)
class RequestLogBrowser implements BrowseRequestLog {

    static final int MAX_PAGE = 500;

    private final RequestLog log;
    private final Companies companies;
    private final RequestValidator validator = new RequestValidator();

    RequestLogBrowser(RequestLog log, Companies companies) {
        this.log = log;
        this.companies = companies;
    }

    @Override
    public List<LoggedRequest> page(AccountId account, LogQuery query, int offset, int limit) {
        return log.page(account, query, Math.max(0, offset), Math.clamp(limit, 1, MAX_PAGE));
    }

    /**
     * Outside any transaction: each chunk is one short read (the keyset keeps them consistent), so
     * a slow download does not hold a database connection.
     */
    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void forEach(AccountId account, LogQuery query, int chunkRows, Consumer<LoggedRequest> action) {
        log.forEach(account, query, Math.clamp(chunkRows, 1, MAX_PAGE), action);
    }

    @Override
    public Optional<LoggedRequest> find(AccountId account, String requestId) {
        return log.find(account, requestId);
    }

    @Override
    public Map<String, Long> invalidCountsByError(AccountId account, Instant from, Instant to, @Nullable KeyKind keyKind) {
        return log.invalidCountsByError(account, from, to, keyKind);
    }

    @Override
    public Optional<ValidationOutcome> recheck(AccountId account, String requestId) {
        return log.find(account, requestId).filter(r -> r.malformedReason() == null).map(r -> {
            AgentRequest request = r.request();
            Optional<Employee> employee = request.employeeEmail() == null || request.employeeEmail().isBlank()
                    ? Optional.empty() : companies.employee(account, Names.key(request.employeeEmail()));
            return validator.validate(request, r.keyKind(), companies.settings(account), employee);
        });
    }
}
