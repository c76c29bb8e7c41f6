package org.fupin.platform.privacy;

import java.util.Arrays;
import java.util.Optional;

/**
 * The personal fields of a household's members (个人信息) that the privacy policy governs, by the
 * name of their column in the policy file and in the README's table.
 */
public enum PersonalField {
    /** 姓名. */
    NAME("name", true),
    /** 身份证号. */
    ID_NUMBER("idNumber", true),
    /** 联系电话. */
    PHONE("phone", true),
    /** 住址. */
    ADDRESS("address", true),
    /** 出生日期: masked means the year alone. */
    BIRTH_DATE("birthDate", true),
    /** 健康状况: a category, nothing to mask in it. */
    HEALTH("health", false),
    /** 残疾等级. */
    DISABILITY("disability", false),
    /** 严重精神障碍: the most sensitive fact in the register. */
    MENTAL_ILLNESS("mentalIllness", false);

    private final String column;
    private final boolean maskable;

    PersonalField(String column, boolean maskable) {
        this.column = column;
        this.maskable = maskable;
    }

    /** The field's name in the policy file, the README and the views' {@code masked}/{@code omitted} lists. */
    public String column() {
        return column;
    }

    /** Whether a masked form exists; a category or a flag is either shown or left out. */
    public boolean maskable() {
        return maskable;
    }

    public static Optional<PersonalField> ofColumn(String column) {
        return Arrays.stream(values()).filter(f -> f.column.equals(column)).findFirst();
    }
}
