package io.syncwatch.agentrequests.domain;

/**
 * The ten errors of the Agent Connect Requests API, in validation order. Display texts and
 * explanations are the spec's words.
 */
public enum RequestErrorCode {

    EMPLOYEE_NOT_FOUND("Employee not found",
            "This employee could not be found. The employee's email address will be displayed in the adjacent column.",
            "Add the employee on the Company Info page (or correct the email address the caller sends).",
            CompanySection.EMPLOYEES),
    EMPLOYEE_DEACTIVATED("Deactivated employee",
            "This employee was found, but has been deactivated and would need to be reactivated in order to send Connect requests.",
            "Reactivate the employee on the Company Info page.", CompanySection.EMPLOYEES),
    EMPLOYEE_PROFILE_INCOMPLETE("Employee profile not complete",
            "The employee was found, but does not have a complete and approved profile in Agent Connect.",
            "Complete and approve the employee's profile on the Company Info page.", CompanySection.EMPLOYEES),
    INVALID_CUSTOMER("Invalid customer",
            "There was an issue with the format of the name or email that was provided.",
            "Fix the caller: send a customer name (1-200 characters) and a well-formed email address.", CompanySection.NONE),
    CHANNEL_NOT_ENABLED("Channel not enabled for company",
            "This channel has not been enabled in Agent Connect. This can be enabled in the Company Info page. You will also want to confirm that the Consumer Experience for that newly enabled channel reflect your desired copy.",
            "Enable the channel on the Company Info page.", CompanySection.CHANNELS),
    CHANNEL_IN_MANUAL_MODE("Channel is in manual mode",
            "This error will only show if you are using a production API key but have not switched that channel from manual to integrated mode.",
            "Switch the channel from manual to integrated mode on the Company Info page.", CompanySection.CHANNELS),
    BRAND_NOT_PROVIDED("Brand signifier not provided",
            "Your company has multiple brands but the API call did not specify a brand label",
            "Send one of the company's active brand labels in the request (see the brands on the Company Info page).",
            CompanySection.BRANDS),
    BRAND_INVALID_OR_INACTIVE("Invalid/inactive brand signifier",
            "This error will show in one of two instances: 1) If the brand label in your API call does not match any of the brands found in your Company settings. 2) The brand was found, but has not been activated",
            "Activate the brand (or add it) on the Company Info page, or send an active brand label.", CompanySection.BRANDS),
    LANGUAGE_NOT_SPECIFIED("Language not specified",
            "Your company is set up with multiple active languages but the API call did not specify a language.",
            "Send one of the company's active language codes in the request (see the languages on the Company Info page).",
            CompanySection.LANGUAGES),
    LANGUAGE_NOT_AVAILABLE("Language not available/active",
            "This error will show in one of two instances: 1) The language specified in the API call does not match any of the languages set up for your company 2) The language was found, but has not been activated",
            "Activate the language (or add it) on the Company Info page, or send an active language code.",
            CompanySection.LANGUAGES);

    private final String displayText;
    private final String explanation;
    private final String howToFix;
    private final CompanySection section;

    RequestErrorCode(String displayText, String explanation, String howToFix, CompanySection section) {
        this.displayText = displayText;
        this.explanation = explanation;
        this.howToFix = howToFix;
        this.section = section;
    }

    public String displayText() {
        return displayText;
    }

    public String explanation() {
        return explanation;
    }

    public String howToFix() {
        return howToFix;
    }

    /** Where on the Company Info page the fix is made; {@link CompanySection#NONE} when the caller must fix it. */
    public CompanySection section() {
        return section;
    }
}
