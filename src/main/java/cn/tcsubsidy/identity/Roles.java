package cn.tcsubsidy.identity;

/** Group ids per jurisdiction J. Candidate groups in the BPMN models are built the same way. */
public final class Roles {

    private Roles() {
    }

    public static String bureau(String j) {
        return j + "-bureau";
    }

    public static String finance(String j) {
        return j + "-finance";
    }

    public static String rules(String j) {
        return j + "-rules";
    }

    public static String owner(String j) {
        return j + "-owner";
    }

    public static String experts(String j) {
        return j + "-experts";
    }

    public static String enterprise(String j) {
        return j + "-enterprise";
    }

    public static String town(String j, String unitCode) {
        return j + "-town-" + unitCode;
    }
}
