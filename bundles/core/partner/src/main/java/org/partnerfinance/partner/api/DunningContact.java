package org.partnerfinance.partner.api;

/**
 * Whom reminders about overdue items go to at the partner.
 *
 * @param name  person or team, e.g. {@code Accounts payable}
 * @param email e-mail address
 * @param phone phone number, free text
 */
public record DunningContact(String name, String email, String phone) {

    public static final DunningContact NONE = new DunningContact("", "", "");

    public DunningContact {
        name = name == null ? "" : name.strip();
        email = email == null ? "" : email.strip();
        phone = phone == null ? "" : phone.strip();
    }

    public boolean isEmpty() {
        return name.isEmpty() && email.isEmpty() && phone.isEmpty();
    }
}
