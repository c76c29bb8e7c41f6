package org.fupin.platform.security;

/** The roles of the contract, as they appear in the token's {@code groups} claim. */
public final class Roles {

    public static final String COUNTY_ADMIN = "county-admin";
    public static final String TOWNSHIP_OFFICER = "township-officer";
    public static final String VILLAGE_CADRE = "village-cadre";
    public static final String ASSISTANCE_OFFICER = "assistance-officer";
    public static final String ANALYST = "analyst";
    public static final String INTEGRATOR = "integrator";
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
