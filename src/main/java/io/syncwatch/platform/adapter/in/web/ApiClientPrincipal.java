package io.syncwatch.platform.adapter.in.web;

import io.syncwatch.platform.AccountId;

/** A caller of the REST API identified by an account API key (the key itself is never kept). */
record ApiClientPrincipal(AccountId accountId, long keyId, String keyName) {
}
