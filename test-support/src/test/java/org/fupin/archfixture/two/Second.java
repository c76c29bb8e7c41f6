package org.fupin.archfixture.two;

public class Second {
    public String name() {
        return "two";
    }
}
