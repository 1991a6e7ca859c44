package org.unionbot.persistence.mapper;

/** A {@code member_identity} row; the platform is its lower-case code. */
public record IdentityRow(String platform, String platformUserId, long memberId) {

    @Override
    public String toString() {
        // Platform user ids are personal identifiers and stay out of logs.
        return "IdentityRow[" + platform + ", member=" + memberId + "]";
    }
}
