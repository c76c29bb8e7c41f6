package org.fupin.security;

import java.util.List;

/** The roles of the contract, as they appear in the token's {@code groups} claim. */
public final class Roles {

    public static final String COUNTY_ADMIN = "county-admin";
    public static final String TOWNSHIP_OFFICER = "township-officer";
    public static final String VILLAGE_CADRE = "village-cadre";
    public static final String ASSISTANCE_OFFICER = "assistance-officer";
    public static final String ANALYST = "analyst";
    public static final String INTEGRATOR = "integrator";
    public static final String AUDITOR = "auditor";
    /**
     * Runs the suite itself (運維): operations that act on every region at once, such as rebuilding
     * the read model. Holds no region and no right to read or change the register.
     */
    public static final String OPERATOR = "operator";

    /** Every role, in the order the documentation lists them. */
    public static final List<String> ALL = List.of(COUNTY_ADMIN, TOWNSHIP_OFFICER, VILLAGE_CADRE, ASSISTANCE_OFFICER,
            ANALYST, INTEGRATOR, AUDITOR, OPERATOR);

    private Roles() {
    }
}
