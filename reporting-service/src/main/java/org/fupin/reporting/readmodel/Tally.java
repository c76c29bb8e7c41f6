package org.fupin.reporting.readmodel;

/** A number of households and the people in them: what every count of the read model adds up. */
public record Tally(long households, long people) {

    public static final Tally ZERO = new Tally(0, 0);

    public Tally plus(Tally other) {
        return new Tally(households + other.households, people + other.people);
    }

    public Tally negated() {
        return new Tally(-households, -people);
    }

    public boolean isZero() {
        return households == 0 && people == 0;
    }
}
