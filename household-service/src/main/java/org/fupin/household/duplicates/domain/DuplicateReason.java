package org.fupin.household.duplicates.domain;

/** Why two member records may be one person (重复人员线索). */
public enum DuplicateReason {
    /** The same name in either script (張偉 and 张伟) and the same birth date. */
    SAME_NAME_AND_BIRTH_DATE,
    /** Names written differently that read alike in pinyin (张伟 and 章伟, 李娜 and 李纳), and the same birth date. */
    SAME_PINYIN_AND_BIRTH_DATE,
    /** ID numbers one digit apart in their first 17 (a mistyped digit, whatever the check character says), same name. */
    ID_NUMBER_ONE_DIGIT_APART,
    /** ID numbers whose first 17 digits differ by two neighbours swapped, same name. */
    ID_NUMBER_DIGITS_SWAPPED
}
