package cn.tcsubsidy.mail.domain;

/** One addressee: its role, the user (null for an objector or an enterprise contact without a login) and address. */
public record Recipient(RecipientRole role, String userId, String address) {

    public boolean hasAddress() {
        return address != null && !address.isBlank();
    }
}
