package org.fupin.household.monitoring.domain;

/** Who sent a signal: the county's departments, and FUPIN for its cadres' own observations. */
public enum Department {
    /** 醫療保障局 */
    MEDICAL_INSURANCE,
    /** 民政局 */
    CIVIL_AFFAIRS,
    /** 殘疾人聯合會 */
    DISABLED_PERSONS_FEDERATION,
    /** 應急管理局 */
    EMERGENCY_MANAGEMENT,
    /** 人力資源和社會保障局 */
    HUMAN_RESOURCES,
    /** 教育局 */
    EDUCATION,
    /** 住房和城鄉建設局 */
    HOUSING,
    /** 農業農村局 */
    AGRICULTURE,
    /** 衛生健康委員會 */
    HEALTH,
    OTHER,
    /** fupin's own cadres: visits and assessments. */
    FUPIN
}
