package io.syncwatch.platform.adapter.in.web;

import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.syncwatch.platform.CurrentUser;
import io.syncwatch.platform.FeatureFlag;
import io.syncwatch.platform.application.port.in.AccountAdministration;

/** Tells an API client which account its key belongs to (useful to check a key). */
@RestController
@RequestMapping("/api/v1/account")
@Tag(name = "Account")
class AccountApiController {

    private final AccountAdministration administration;
    private final CurrentUser currentUser;

    AccountApiController(AccountAdministration administration, CurrentUser currentUser) {
        this.administration = administration;
        this.currentUser = currentUser;
    }

    record AccountResponse(long id, String name, Set<FeatureFlag> features) {
    }

    @GetMapping
    @Operation(summary = "The account the API key belongs to")
    AccountResponse account() {
        var account = administration.account(currentUser.accountId());
        return new AccountResponse(account.id().value(), account.name(), account.flags());
    }
}
