package org.unionbot.persistence.mapper;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A {@code member} row as the mappers read and write it, with its roles and tags. Mutable because
 * MyBatis fills the role and tag collections row by row from one joined query.
 */
public final class MemberRow {

    private Long id;
    private String name;
    private String staffNo;
    private String gender;
    private String birthdayCalendar;
    private Integer birthdayMonth;
    private Integer birthdayDay;
    private boolean birthdayLeap;
    private String status;
    private LocalDate joinDate;
    private String phoneTail;
    private Long groupId;
    private final Set<String> roles = new LinkedHashSet<>();
    private final Set<String> tags = new LinkedHashSet<>();

    public MemberRow() {}

    public MemberRow(
            Long id,
            String name,
            String staffNo,
            String gender,
            String birthdayCalendar,
            Integer birthdayMonth,
            Integer birthdayDay,
            boolean birthdayLeap,
            String status,
            LocalDate joinDate,
            String phoneTail,
            Long groupId) {
        this.id = id;
        this.name = name;
        this.staffNo = staffNo;
        this.gender = gender;
        this.birthdayCalendar = birthdayCalendar;
        this.birthdayMonth = birthdayMonth;
        this.birthdayDay = birthdayDay;
        this.birthdayLeap = birthdayLeap;
        this.status = status;
        this.joinDate = joinDate;
        this.phoneTail = phoneTail;
        this.groupId = groupId;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getStaffNo() {
        return staffNo;
    }

    public String getGender() {
        return gender;
    }

    public String getBirthdayCalendar() {
        return birthdayCalendar;
    }

    public Integer getBirthdayMonth() {
        return birthdayMonth;
    }

    public Integer getBirthdayDay() {
        return birthdayDay;
    }

    public boolean isBirthdayLeap() {
        return birthdayLeap;
    }

    public String getStatus() {
        return status;
    }

    public LocalDate getJoinDate() {
        return joinDate;
    }

    public String getPhoneTail() {
        return phoneTail;
    }

    public Long getGroupId() {
        return groupId;
    }

    public Set<String> getRoles() {
        return roles;
    }

    public Set<String> getTags() {
        return tags;
    }

    @Override
    public String toString() {
        // Names and phone tails stay out of logs.
        return "MemberRow[id=" + id + "]";
    }
}
