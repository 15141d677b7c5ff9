package io.syncwatch.agentrequests.domain;

/**
 * An employee of the company who may send Connect requests: must be active and have a complete
 * and approved profile.
 */
public record Employee(String email, String name, boolean profileComplete, boolean profileApproved, boolean active) {

    public Employee {
        email = Names.key(email);
    }

    public boolean profileReady() {
        return profileComplete && profileApproved;
    }

    /** The employee's state in words, for lists. */
    public String state() {
        if (!active) {
            return "Deactivated";
        }
        return profileReady() ? "Ready" : profileComplete ? "Awaiting approval" : "Profile incomplete";
    }
}
