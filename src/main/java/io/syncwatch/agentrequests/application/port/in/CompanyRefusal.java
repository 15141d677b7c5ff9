package io.syncwatch.agentrequests.application.port.in;

import io.syncwatch.platform.FieldRefusal;

/**
 * Every way the company settings use cases ({@link ManageCompany}) refuse a request, as one closed
 * family: the Company Info page catches these as the user's error; any other exception is
 * unexpected (the console's error handler reports it with a reference). Messages are written for
 * the user.
 */
public abstract sealed class CompanyRefusal extends RuntimeException
        permits CompanyRefusal.InvalidCompanyInput, CompanyRefusal.NoSuchEmployee, CompanyRefusal.NoSuchKey {

    protected CompanyRefusal(String message) {
        super(message);
    }

    /** A value that breaks a rule, naming the field as the forms name it ({@code name}, {@code email}, {@code label}, {@code code}, {@code key}). */
    public static final class InvalidCompanyInput extends CompanyRefusal implements FieldRefusal.OneField {

        private final String field;

        public InvalidCompanyInput(String field, String message) {
            super(message);
            this.field = field;
        }

        @Override
        public String field() {
            return field;
        }
    }

    public static final class NoSuchEmployee extends CompanyRefusal {

        public NoSuchEmployee() {
            super("No such employee.");
        }
    }

    public static final class NoSuchKey extends CompanyRefusal {

        public NoSuchKey() {
            super("No such key.");
        }
    }
}
