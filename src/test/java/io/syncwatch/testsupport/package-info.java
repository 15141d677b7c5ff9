/** Test infrastructure shared by all tests: database choice, per-test accounts, browsers. */
package io.syncwatch.testsupport;
